## Interface strings of the site, in Central Kurdish (Sorani, written right to left).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Central Kurdish categories one and other
## (a noun after a number stays singular); the variant marked with * is the default.
## Numbers are written by the formatter in the locale's own digits: none is typed here.

## Site

site-title = شایەتی
footer-note = هەموو ئەو کەسانەی لەم ماڵپەڕەدا قسە دەکەن تەنها بە ناوێکی خوازراو ناسێنراون.
footer-privacy = ئەم ماڵپەڕە هیچ کووکییەک دانانێت و هیچ شتێک لە ماڵپەڕەکانی تر بار ناکات.

## Navigation

skip-to-content = بازدان بۆ ناوەڕۆک
nav-main-label = لیستی سەرەکی
nav-home = سەرەتا
nav-stories = چیرۆکەکان
nav-themes = بابەتەکان
nav-statements = پەیامەکان
nav-about = دەربارە
nav-languages-label = زمان
# Draft translation: needs review by a native speaker.
nav-menu = پێڕست

## Page titles

stories-title = چیرۆکەکان
themes-title = بابەتەکان
statements-title = پەیامەکان

## Notices

notice-fallback = ئەم پەڕەیە هێشتا وەرنەگێڕدراوە. بە زمانە ڕەسەنەکەی خۆی پیشان دەدرێت: { $language }.
notice-stale = دەقی ڕەسەنی ئەم پەڕەیە لە دوای وەرگێڕانەوە گۆڕاوە. لەوانەیە ئەم وەرگێڕانە کۆن بێت.
draft-banner = ڕەشنووس: ئەم پەڕەیە بڵاو نەکراوەتەوە. تەنها ئێوە لە پێشبینیندا دەیبینن.
notice-transcript-language = هێشتا دەقی نووسراو بەم زمانە نییە. دەقی نووسراو بەم زمانە پیشان دەدرێت: { $language }.
notice-example = ئەمە چیرۆکێکی نموونەیی خەیاڵییە، بۆ پیشاندانی ماڵپەڕەکە نووسراوە. شایەتییەکی ڕاستەقینە نییە.
label-example = نموونەی خەیاڵی
label-untranslated = هێشتا وەرنەگێڕدراوە

## Content warnings

warning-heading = ئاگاداری دەربارەی ناوەڕۆک
warning-intro = ئەم شایەتییە ئەمانەی تێدایە:
warning-violence = وەسفی توندوتیژی
warning-death = وەسفی مردن و کوشتن
warning-sexual-violence = وەسفی توندوتیژی سێکسی
warning-child-abuse = وەسفی خراپ مامەڵەکردن لەگەڵ منداڵان
warning-self-harm = ئاماژە بە ئازاردانی خود یان خۆکوشتن
warning-disturbing-images = وێنەی نیگەرانکەر
warning-advice = دەتوانن لە هەر کاتێکدا ڕایبگرن یان بیوەستێنن. دەقی نووسراوی خوارەوە ڕێگەتان دەدات لە جیاتی سەیرکردن بیخوێننەوە.
warning-continue = ئاگادارییەکەم خوێندەوە: ڤیدیۆکە پیشان بدە

## Story page

story-pseudonym = ناوی خوازراو
story-origin = خەڵکی
story-joined = پەیوەستبوون
story-left = جێهێشتن
story-interviewed = چاوپێکەوتن
story-duration = ماوە
story-intro-heading = دەربارەی ئەم شایەتییە
video-unsupported = وێبگەڕەکەتان ناتوانێت ئەم ڤیدیۆیە لێبدات.
video-download = داگرتنی ڤیدیۆکە
video-error = ڤیدیۆکە بار نەبوو. دەقی نووسراوی خوارەوە هەموو ئەوەی دەوترێت لەخۆ دەگرێت.
video-youtube-link = سەیرکردنی ڤیدیۆکە لە یوتیوب
video-youtube-leaves = ئەم بەستەرە لەم ماڵپەڕە دەردەچێت.
video-youtube-note = ڤیدیۆکە لە یوتیوب دانراوە، کە ماڵپەڕێکی جیاوازە. تا خۆتان هەڵنەبژێرن هیچ شتێک لە یوتیوبەوە بار ناکرێت.
video-youtube-load = بارکردنی ڤیدیۆکە لە یوتیوبەوە
video-youtube-load-note = ئینجا وێبگەڕەکەتان پەیوەندی بە یوتیوبەوە دەکات.
segments-heading = بەشەکانی ئەم شایەتییە
segments-help = بەشێک هەڵبژێرن بۆ ئەوەی بچنە ئەو خاڵەی ڤیدیۆکە.
statement-heading = پەیامێک بۆ هەر کەسێک بیر لە پەیوەستبوون دەکاتەوە
transcript-heading = دەقی نووسراو
transcript-help = کاتێک هەڵبژێرن بۆ ئەوەی بچنە ئەو خاڵەی ڤیدیۆکە.
story-themes-heading = بابەتەکانی ئەم شایەتییە
related-heading = چیرۆکی پەیوەندیدار
segment-themes-label = بابەتەکان
card-duration = ڤیدیۆ، { $duration }

## Counts

story-count =
    { $count ->
        [one] یەک چیرۆک
       *[other] { $count } چیرۆک
    }
segment-count =
    { $count ->
        [one] یەک بەش
       *[other] { $count } بەش
    }

## Lists of stories

stories-intro = هەر چیرۆکێک گێڕانەوەی یەک کەسە، بە ڤیدیۆ تۆمار کراوە، لەگەڵ ژێرنووس و دەقێکی نووسراوی تەواو.
filter-heading = گەڕان
filter-by-theme = بەپێی بابەت
filter-by-country = بەپێی وڵاتی ڕەسەن
stories-all = هەموو چیرۆکەکان
stories-list-heading =
    { $count ->
        [one] یەک چیرۆک
       *[other] { $count } چیرۆک
    }
stories-from-intro = چیرۆکی ئەو کەسانەی لە { $country }ەوە هاتوون.

## Pages of a list (a long list of stories is cut into pages)

# The arrows point back and forward in the right-to-left reading direction.
pager-label = پەڕەکانی ئەم لیستە
pager-previous = → پێشوو
pager-next = دواتر ←
pager-page = پەڕەی { $number }
pager-position = پەڕەی { $number } لە { $count }

## Themes

themes-intro = شایەتییەکان بەپێی بابەت ڕێکخراون. هەر بابەتێک ئەو چیرۆک و بەشە ڤیدیۆیانە کۆ دەکاتەوە کە باسی دەکەن.
theme-stories-heading = چیرۆکەکانی ئەم بابەتە
theme-segments-heading = بەشەکانی ئەم بابەتە
themes-all = هەموو بابەتەکان

## Statements

statements-intro = ئەوەی کەسانێک کە جیا بوونەتەوە بە هەر کەسێک دەڵێن کە بیر لە پەیوەستبوون دەکاتەوە.

## Home page

home-stories-heading = چیرۆکەکان
home-themes-heading = بابەتەکان
home-all-stories = بینینی هەموو چیرۆکەکان
home-all-themes = بینینی هەموو بابەتەکان
home-statements-link = بخوێننەوە چی بەو کەسانە دەڵێن کە بیر لە پەیوەستبوون دەکەنەوە

## Language chooser (the site's first page)

root-choose = زمانێک هەڵبژێرن
# Draft translation: needs review by a native speaker.
root-read-in = بە کوردی بخوێنەوە

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = پەڕەکە نەدۆزرایەوە
not-found-text = هیچ پەڕەیەک لەم ناونیشانەدا نییە. لەوانەیە گوازرابێتەوە یان سڕابێتەوە.

## Search

nav-search = گەڕان
search-title = گەڕان
search-label = گەڕان لە چیرۆکەکان، پەیامەکانیان و ئەوەی لە ڤیدیۆکاندا دەوترێت
search-needs-js = گەڕان پێویستی بە جاڤاسکریپتە، کە لەم وێبگەڕەدا کوژاوەتەوە.
search-all-stories = بینینی هەموو چیرۆکەکان
search-searching = گەڕان…
search-none = هیچ چیرۆکێک لەگەڵ گەڕانەکەتان ناگونجێت.
search-failed = گەڕان بار نەبوو. تکایە دواتر دووبارە هەوڵ بدەنەوە.
search-moment = لە ڤیدیۆکەدا، لە کاتی
