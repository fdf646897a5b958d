## Interface strings of the site, in Pashto (written right to left).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Pashto categories one and other; the
## variant marked with * is the default. Numbers are written by the formatter in the
## locale's own digits: none is typed here.

## Site

site-title = شاهدي
footer-note = هر هغه څوک چې په دې وېبپاڼه کې خبرې کوي یوازې په یوه مستعار نوم پېژندل کېږي.
footer-privacy = دا وېبپاڼه هېڅ کوکي نه ساتي او له نورو وېبپاڼو هېڅ شی نه راپورته کوي.

## Navigation

skip-to-content = منځپانګې ته ورشئ
nav-main-label = اصلي مېنو
nav-home = کور
nav-stories = کیسې
nav-themes = موضوعګانې
nav-statements = پیغامونه
nav-about = په اړه
nav-languages-label = ژبه
# Draft translation: needs review by a native speaker.
nav-menu = مینو

## Page titles

stories-title = کیسې
themes-title = موضوعګانې
statements-title = پیغامونه

## Notices

notice-fallback = دا پاڼه لا نه ده ژباړل شوې. په خپله اصلي ژبه ښودل کېږي: { $language }.
notice-stale = د دې پاڼې اصلي متن له ژباړې وروسته بدل شوی دی. ښايي دا ژباړه زړه وي.
draft-banner = مسوده: دا پاڼه نه ده خپره شوې. یوازې تاسو یې په مخکتنه کې وینئ.
notice-transcript-language = په دې ژبه لا لیکلی متن نشته. لیکلی متن په دې ژبه ښودل کېږي: { $language }.
notice-example = دا یوه جوړه شوې بېلګه کیسه ده چې د وېبپاڼې د ښودلو لپاره لیکل شوې ده. دا رښتینې شاهدي نه ده.
label-example = جوړه شوې بېلګه
label-untranslated = لا نه ده ژباړل شوې

## Content warnings

warning-heading = د منځپانګې په اړه خبرتیا
warning-intro = په دې شاهدۍ کې دا شیان شته:
warning-violence = د تاوتریخوالي بیانونه
warning-death = د مرګ او وژنې بیانونه
warning-sexual-violence = د جنسي تاوتریخوالي بیانونه
warning-child-abuse = له ماشومانو سره د ناوړه چلند بیانونه
warning-self-harm = ځان ته د زیان رسولو یا ځان وژنې یادونه
warning-disturbing-images = ځورونکي انځورونه
warning-advice = تاسو هر وخت ودرولی یا بندولی شئ. لاندې لیکلی متن تاسو ته اجازه درکوي چې د کتلو پر ځای یې ولولئ.
warning-continue = خبرتیا مې ولوستله: ویډیو وښایاست

## Story page

story-pseudonym = مستعار نوم
story-origin = له
story-joined = یوځای کېدل
story-left = پرېښودل
story-interviewed = مرکه
story-duration = موده
story-intro-heading = د دې شاهدۍ په اړه
video-unsupported = ستاسو براوزر دا ویډیو نشي چلولی.
video-download = ویډیو ښکته کړئ
video-error = ویډیو پورته نه شوه. لاندې لیکلي متن کې هر هغه څه شته چې ویل کېږي.
video-youtube-link = ویډیو په یوټیوب کې وګورئ
video-youtube-leaves = دا لینک له دې وېبپاڼې بهر ځي.
video-youtube-note = ویډیو په یوټیوب کې ده، چې یوه جلا وېبپاڼه ده. تر هغه چې تاسو یې ونه ټاکئ، له یوټیوب هېڅ شی نه پورته کېږي.
video-youtube-load = ویډیو له یوټیوب پورته کړئ
video-youtube-load-note = بیا به ستاسو براوزر له یوټیوب سره وصل شي.
segments-heading = د دې شاهدۍ برخې
segments-help = یوه برخه وټاکئ چې د ویډیو هغه ځای ته ورشئ.
statement-heading = هر هغه چا ته یو پیغام چې د یوځای کېدو فکر کوي
transcript-heading = لیکلی متن
transcript-help = یو وخت وټاکئ چې د ویډیو هغه ځای ته ورشئ.
story-themes-heading = په دې شاهدۍ کې موضوعګانې
related-heading = اړوندې کیسې
segment-themes-label = موضوعګانې
card-duration = ویډیو، { $duration }

## Counts

story-count =
    { $count ->
        [one] یوه کیسه
       *[other] { $count } کیسې
    }
segment-count =
    { $count ->
        [one] یوه برخه
       *[other] { $count } برخې
    }

## Lists of stories

stories-intro = هره کیسه د یو کس بیان دی، په ویډیو ثبت شوی، له ژباړې لیکونو او بشپړ لیکلي متن سره.
filter-heading = لټون
filter-by-theme = د موضوع له مخې
filter-by-country = د اصلي هېواد له مخې
stories-all = ټولې کیسې
stories-list-heading =
    { $count ->
        [one] یوه کیسه
       *[other] { $count } کیسې
    }
stories-from-intro = د هغو خلکو کیسې چې له { $country } څخه راغلي دي.

## Pages of a list (a long list of stories is cut into pages)

# The arrows point back and forward in the right-to-left reading direction.
pager-label = د دې لړلیک پاڼې
pager-previous = → مخکینۍ
pager-next = بله ←
pager-page = پاڼه { $number }
pager-position = پاڼه { $number } له { $count }

## Themes

themes-intro = شاهدۍ د موضوع له مخې تنظیم شوې دي. هره موضوع هغه کیسې او د ویډیو برخې راټولوي چې په اړه یې خبرې کوي.
theme-stories-heading = په دې موضوع کیسې
theme-segments-heading = په دې موضوع برخې
themes-all = ټولې موضوعګانې

## Statements

statements-intro = هغه خلک چې وتلي دي هر هغه چا ته څه وايي چې د یوځای کېدو فکر کوي.

## Home page

home-stories-heading = کیسې
home-themes-heading = موضوعګانې
home-all-stories = ټولې کیسې وګورئ
home-all-themes = ټولې موضوعګانې وګورئ
home-statements-link = ولولئ چې هغوی د یوځای کېدو فکر کوونکو ته څه وايي

## Language chooser (the site's first page)

root-choose = یوه ژبه وټاکئ
# Draft translation: needs review by a native speaker.
root-read-in = په پښتو یې ولولئ

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = پاڼه ونه موندل شوه
not-found-text = په دې پته کوم مخ نشته. ښايي لېږدول شوی یا لرې شوی وي.

## Search

nav-search = لټون
search-title = لټون
search-label = په کیسو، د هغوی په پیغامونو او په ویډیوګانو کې ویل شوو خبرو کې لټون وکړئ
search-needs-js = لټون جاواسکرېپټ ته اړتیا لري، چې په دې براوزر کې بند دی.
search-all-stories = ټولې کیسې وګورئ
search-searching = لټون روان دی…
search-none = هېڅ کیسه ستاسو له لټون سره سمون نه خوري.
search-failed = لټون پورته نه شو. مهرباني وکړئ وروسته بیا هڅه وکړئ.
search-moment = په ویډیو کې، په
