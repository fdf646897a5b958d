## Interface strings of the site, in Persian (written right to left).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Persian categories one and other (a noun
## after a number stays singular); the variant marked with * is the default. Numbers are
## written by the formatter in the locale's own digits: none is typed here.

## Site

site-title = شهادت
footer-note = هر کسی که در این سایت سخن می‌گوید تنها با نامی مستعار شناخته می‌شود.
footer-privacy = این سایت هیچ کوکی‌ای ذخیره نمی‌کند و چیزی از سایت‌های دیگر بارگیری نمی‌کند.

## Navigation

skip-to-content = رفتن به محتوا
nav-main-label = منوی اصلی
nav-home = خانه
nav-stories = روایت‌ها
nav-themes = موضوع‌ها
nav-statements = پیام‌ها
nav-about = درباره
nav-languages-label = زبان
# Draft translation: needs review by a native speaker.
nav-menu = منو

## Page titles

stories-title = روایت‌ها
themes-title = موضوع‌ها
statements-title = پیام‌ها

## Notices

notice-fallback = این صفحه هنوز ترجمه نشده است. به زبان اصلی خود نمایش داده می‌شود: { $language }.
notice-stale = متن اصلی این صفحه پس از ترجمه تغییر کرده است. ممکن است این ترجمه به‌روز نباشد.
draft-banner = پیش‌نویس: این صفحه منتشر نشده است. تنها شما آن را در پیش‌نمایش می‌بینید.
notice-transcript-language = هنوز متن گفتاری به این زبان وجود ندارد. متن گفتاری به این زبان نمایش داده می‌شود: { $language }.
notice-example = این یک روایت نمونهٔ ساختگی است که برای نمایش سایت نوشته شده است. این شهادتی واقعی نیست.
label-example = نمونهٔ ساختگی
label-untranslated = هنوز ترجمه نشده

## Content warnings

warning-heading = هشدار دربارهٔ محتوا
warning-intro = این شهادت شامل این موارد است:
warning-violence = توصیف خشونت
warning-death = توصیف مرگ و کشتار
warning-sexual-violence = توصیف خشونت جنسی
warning-child-abuse = توصیف آزار کودکان
warning-self-harm = اشاره به آسیب به خود یا خودکشی
warning-disturbing-images = تصاویر ناراحت‌کننده
warning-advice = هر زمان که بخواهید می‌توانید ویدیو را متوقف کنید. متن گفتاری زیر به شما امکان می‌دهد به‌جای تماشا بخوانید.
warning-continue = هشدار را خواندم: ویدیو را نشان بده

## Story page

story-pseudonym = نام مستعار
story-origin = اهل
story-joined = پیوستن
story-left = ترک
story-interviewed = مصاحبه
story-duration = مدت
story-intro-heading = دربارهٔ این شهادت
video-unsupported = مرورگر شما نمی‌تواند این ویدیو را پخش کند.
video-download = بارگیری ویدیو
video-error = ویدیو بارگیری نشد. متن گفتاری زیر همهٔ آنچه گفته می‌شود را در بر دارد.
video-youtube-link = تماشای ویدیو در یوتیوب
video-youtube-leaves = این پیوند شما را از این سایت خارج می‌کند.
video-youtube-note = این ویدیو در یوتیوب، وب‌سایتی جداگانه، قرار دارد. تا وقتی خودتان انتخاب نکنید، چیزی از یوتیوب بارگیری نمی‌شود.
video-youtube-load = بارگیری ویدیو از یوتیوب
video-youtube-load-note = در این صورت مرورگر شما به یوتیوب وصل می‌شود.
segments-heading = بخش‌های این شهادت
segments-help = بخشی را انتخاب کنید تا به همان نقطهٔ ویدیو بروید.
statement-heading = پیامی به هر کسی که به پیوستن فکر می‌کند
transcript-heading = متن گفتاری
transcript-help = زمانی را انتخاب کنید تا به همان نقطهٔ ویدیو بروید.
story-themes-heading = موضوع‌های این شهادت
related-heading = روایت‌های مرتبط
segment-themes-label = موضوع‌ها
card-duration = ویدیو، { $duration }

## Counts

story-count =
    { $count ->
        [one] یک روایت
       *[other] { $count } روایت
    }
segment-count =
    { $count ->
        [one] یک بخش
       *[other] { $count } بخش
    }

## Lists of stories

stories-intro = هر روایت شرح یک نفر است که به‌صورت ویدیو ضبط شده، با زیرنویس و متن گفتاری کامل.
filter-heading = مرور
filter-by-theme = بر اساس موضوع
filter-by-country = بر اساس کشور مبدأ
stories-all = همهٔ روایت‌ها
stories-list-heading =
    { $count ->
        [one] یک روایت
       *[other] { $count } روایت
    }
stories-from-intro = روایت‌های کسانی که از { $country } آمده‌اند.

## Pages of a list (a long list of stories is cut into pages)

# The arrows point back and forward in the right-to-left reading direction.
pager-label = صفحه‌های این فهرست
pager-previous = → قبلی
pager-next = بعدی ←
pager-page = صفحهٔ { $number }
pager-position = صفحهٔ { $number } از { $count }

## Themes

themes-intro = شهادت‌ها بر اساس موضوع مرتب شده‌اند. هر موضوع روایت‌ها و بخش‌هایی از ویدیوها را که به آن می‌پردازند گرد می‌آورد.
theme-stories-heading = روایت‌های این موضوع
theme-segments-heading = بخش‌های این موضوع
themes-all = همهٔ موضوع‌ها

## Statements

statements-intro = آنچه کسانی که جدا شده‌اند به هر کسی که به پیوستن فکر می‌کند می‌گویند.

## Home page

home-stories-heading = روایت‌ها
home-themes-heading = موضوع‌ها
home-all-stories = دیدن همهٔ روایت‌ها
home-all-themes = دیدن همهٔ موضوع‌ها
home-statements-link = بخوانید به کسانی که به پیوستن فکر می‌کنند چه می‌گویند

## Language chooser (the site's first page)

root-choose = زبانی را انتخاب کنید
# Draft translation: needs review by a native speaker.
root-read-in = به فارسی بخوانید

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = صفحه پیدا نشد
not-found-text = در این نشانی صفحه‌ای وجود ندارد. ممکن است جابه‌جا یا حذف شده باشد.

## Search

nav-search = جستجو
search-title = جستجو
search-label = جستجو در روایت‌ها، پیام‌هایشان و آنچه در ویدیوها گفته می‌شود
search-needs-js = جستجو به جاوااسکریپت نیاز دارد که در این مرورگر خاموش است.
search-all-stories = دیدن همهٔ روایت‌ها
search-searching = در حال جستجو…
search-none = هیچ روایتی با جستجوی شما مطابقت ندارد.
search-failed = جستجو بارگیری نشد. لطفاً بعداً دوباره تلاش کنید.
search-moment = در ویدیو، در زمان
