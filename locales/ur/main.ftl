## Interface strings of the site, in Urdu (written right to left).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Urdu categories one and other; the
## variant marked with * is the default. Numbers are written by the formatter in the
## locale's own digits: none is typed here. Readers are addressed with "آپ".

## Site

site-title = گواہی
footer-note = اس سائٹ پر بات کرنے والے ہر شخص کی پہچان صرف ایک فرضی نام سے کی جاتی ہے۔
footer-privacy = یہ سائٹ کوئی کوکی محفوظ نہیں کرتی اور دوسری ویب سائٹوں سے کچھ لوڈ نہیں کرتی۔

## Navigation

skip-to-content = مواد پر جائیں
nav-main-label = مرکزی فہرست
nav-home = سرورق
nav-stories = کہانیاں
nav-themes = موضوعات
nav-statements = پیغامات
nav-about = تعارف
nav-languages-label = زبان
# Draft translation: needs review by a native speaker.
nav-menu = مینو

## Page titles

stories-title = کہانیاں
themes-title = موضوعات
statements-title = پیغامات

## Notices

notice-fallback = اس صفحے کا ابھی ترجمہ نہیں ہوا۔ یہ اپنی اصل زبان میں دکھایا جا رہا ہے: { $language }۔
notice-stale = ترجمے کے بعد اس صفحے کا اصل متن بدل گیا ہے۔ ممکن ہے یہ ترجمہ پرانا ہو۔
draft-banner = مسودہ: یہ صفحہ شائع نہیں ہوا۔ اسے صرف آپ پیش نظارہ میں دیکھ سکتے ہیں۔
notice-transcript-language = اس زبان میں ابھی کوئی تحریری متن نہیں ہے۔ تحریری متن اس زبان میں دکھایا جا رہا ہے: { $language }۔
notice-example = یہ ایک فرضی مثالی کہانی ہے جو سائٹ دکھانے کے لیے لکھی گئی ہے۔ یہ کوئی حقیقی گواہی نہیں ہے۔
label-example = فرضی مثال
label-untranslated = ابھی ترجمہ نہیں ہوا

## Content warnings

warning-heading = مواد کے بارے میں انتباہ
warning-intro = اس گواہی میں یہ شامل ہے:
warning-violence = تشدد کی تفصیلات
warning-death = موت اور قتل کی تفصیلات
warning-sexual-violence = جنسی تشدد کی تفصیلات
warning-child-abuse = بچوں سے بدسلوکی کی تفصیلات
warning-self-harm = خود کو نقصان پہنچانے یا خودکشی کا ذکر
warning-disturbing-images = پریشان کن تصاویر
warning-advice = آپ کسی بھی وقت رک سکتے ہیں یا بند کر سکتے ہیں۔ نیچے دیا گیا تحریری متن آپ کو دیکھنے کے بجائے پڑھنے دیتا ہے۔
warning-continue = میں نے انتباہ پڑھ لیا ہے: ویڈیو دکھائیں

## Story page

story-pseudonym = فرضی نام
story-origin = تعلق
story-joined = شمولیت
story-left = علیحدگی
story-interviewed = انٹرویو
story-duration = دورانیہ
story-intro-heading = اس گواہی کے بارے میں
video-unsupported = آپ کا براؤزر یہ ویڈیو نہیں چلا سکتا۔
video-download = ویڈیو ڈاؤن لوڈ کریں
video-error = ویڈیو لوڈ نہیں ہو سکی۔ نیچے دیے گئے تحریری متن میں وہ سب کچھ ہے جو کہا گیا ہے۔
video-youtube-link = ویڈیو یوٹیوب پر دیکھیں
video-youtube-leaves = یہ لنک اس سائٹ سے باہر لے جاتا ہے۔
video-youtube-note = یہ ویڈیو یوٹیوب پر ہے، جو ایک الگ ویب سائٹ ہے۔ جب تک آپ خود نہ چاہیں، یوٹیوب سے کچھ لوڈ نہیں ہوتا۔
video-youtube-load = ویڈیو یوٹیوب سے لوڈ کریں
video-youtube-load-note = اس کے بعد آپ کا براؤزر یوٹیوب سے جڑ جائے گا۔
segments-heading = اس گواہی کے حصے
segments-help = ویڈیو میں اس مقام پر جانے کے لیے کوئی حصہ منتخب کریں۔
statement-heading = شامل ہونے کا سوچنے والے ہر شخص کے لیے ایک پیغام
transcript-heading = تحریری متن
transcript-help = ویڈیو میں اس مقام پر جانے کے لیے کوئی وقت منتخب کریں۔
story-themes-heading = اس گواہی کے موضوعات
related-heading = متعلقہ کہانیاں
segment-themes-label = موضوعات
card-duration = ویڈیو، { $duration }

## Counts

story-count =
    { $count ->
        [one] ایک کہانی
       *[other] { $count } کہانیاں
    }
segment-count =
    { $count ->
        [one] ایک حصہ
       *[other] { $count } حصے
    }

## Lists of stories

stories-intro = ہر کہانی ایک شخص کا بیان ہے، جو ویڈیو پر ریکارڈ کیا گیا ہے، ذیلی عنوانات اور مکمل تحریری متن کے ساتھ۔
filter-heading = تلاش کریں
filter-by-theme = موضوع کے لحاظ سے
filter-by-country = آبائی ملک کے لحاظ سے
stories-all = تمام کہانیاں
stories-list-heading =
    { $count ->
        [one] ایک کہانی
       *[other] { $count } کہانیاں
    }
stories-from-intro = ان لوگوں کی کہانیاں جو { $country } سے آئے تھے۔

## Pages of a list (a long list of stories is cut into pages)

# The arrows point back and forward in the right-to-left reading direction.
pager-label = اس فہرست کے صفحات
pager-previous = → پچھلا
pager-next = اگلا ←
pager-page = صفحہ { $number }
pager-position = صفحہ { $number } از { $count }

## Themes

themes-intro = گواہیوں کو موضوعات کے لحاظ سے ترتیب دیا گیا ہے۔ ہر موضوع ان کہانیوں اور ویڈیو کے حصوں کو یکجا کرتا ہے جو اس سے متعلق ہیں۔
theme-stories-heading = اس موضوع پر کہانیاں
theme-segments-heading = اس موضوع پر حصے
themes-all = تمام موضوعات

## Statements

statements-intro = چھوڑ کر جانے والے لوگ شامل ہونے کا سوچنے والے ہر شخص سے کیا کہتے ہیں۔

## Home page

home-stories-heading = کہانیاں
home-themes-heading = موضوعات
home-all-stories = تمام کہانیاں دیکھیں
home-all-themes = تمام موضوعات دیکھیں
home-statements-link = پڑھیں کہ وہ شامل ہونے کا سوچنے والوں سے کیا کہتے ہیں

## Language chooser (the site's first page)

root-choose = زبان منتخب کریں
# Draft translation: needs review by a native speaker.
root-read-in = اردو میں پڑھیں

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = صفحہ نہیں ملا
not-found-text = اس پتے پر کوئی صفحہ نہیں ہے۔ ممکن ہے اسے منتقل یا حذف کر دیا گیا ہو۔

## Search

nav-search = تلاش
search-title = تلاش
search-label = کہانیوں، ان کے پیغامات اور ویڈیوز میں کہی گئی باتوں میں تلاش کریں
search-needs-js = تلاش کے لیے جاوا اسکرپٹ درکار ہے، جو اس براؤزر میں بند ہے۔
search-all-stories = تمام کہانیاں دیکھیں
search-searching = تلاش جاری ہے…
search-none = کوئی کہانی آپ کی تلاش سے مطابقت نہیں رکھتی۔
search-failed = تلاش لوڈ نہیں ہو سکی۔ براہ کرم بعد میں دوبارہ کوشش کریں۔
search-moment = ویڈیو میں، وقت
