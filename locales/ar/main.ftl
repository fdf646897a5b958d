## Interface strings of the site, in Arabic.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Arabic categories zero, one, two, few,
## many and other; the variant marked with * is the default.
## DRAFT: the strings under "Pages of a list" (pager-*) are a first Arabic draft,
## not yet reviewed by a native speaker; review them before publishing.
## Drafts awaiting review by a native speaker (each marked below): warning-continue,
## video-youtube-leaves, video-youtube-note, video-youtube-load, video-youtube-load-note.

## Site

# Same as the title of content/_index.ar.md and the name used in content/about.ar.md.
site-title = شهادة
footer-note = لا يظهر أيٌّ من المتحدّثين في هذا الموقع إلا باسم مستعار.
footer-privacy = لا يستخدم هذا الموقع ملفات تعريف الارتباط، ولا يحمّل أي محتوى من مواقع أخرى.

## Navigation

skip-to-content = الانتقال إلى المحتوى
nav-main-label = القائمة الرئيسية
nav-home = الرئيسية
nav-stories = القصص
nav-themes = الموضوعات
nav-statements = الرسائل
nav-about = عن المشروع
nav-languages-label = اللغة
# Draft translation: needs review by a native speaker.
nav-menu = القائمة

## Page titles

stories-title = القصص
themes-title = الموضوعات
statements-title = الرسائل

## Notices

# $language is the name of the language the page is shown in, e.g. "English".
notice-fallback = لم تُترجَم هذه الصفحة بعد، لذلك تُعرض بلغتها الأصلية: { $language }.
notice-stale = تغيّر النص الأصلي لهذه الصفحة بعد ترجمتها، لذا قد لا تكون هذه الترجمة محدَّثة.
# Draft translation: needs review by a native speaker. Shown only in the editors' preview.
draft-banner = مسودة: هذه الصفحة غير منشورة. لا يراها أحد غيرك، في المعاينة.
# $language is the name of the transcript's language.
notice-transcript-language = لا يتوفّر نصّ الشهادة بهذه اللغة بعد، لذلك يُعرض بلغة أخرى: { $language }.
notice-example = هذه قصة متخيَّلة كُتبت لتوضيح طريقة عمل الموقع، وليست شهادة حقيقية.
label-example = مثال متخيَّل
label-untranslated = لم تُترجَم بعد

## Content warnings

warning-heading = تحذير من المحتوى
warning-intro = تتضمّن هذه الشهادة:
warning-violence = وصفًا لأعمال العنف
warning-death = وصفًا للموت والقتل
warning-sexual-violence = وصفًا للعنف الجنسي
warning-child-abuse = وصفًا لإساءة معاملة الأطفال
warning-self-harm = إشارات إلى إيذاء النفس أو الانتحار
warning-disturbing-images = صورًا مؤلمة
warning-advice = يمكنك إيقاف الفيديو مؤقتًا أو التوقّف عن المشاهدة في أي وقت. ويتيح لك نصّ الشهادة أدناه أن تقرأ بدلًا من أن تشاهد.
# Draft translation: needs review by a native speaker.
warning-continue = قرأتُ التحذير: اعرض الفيديو

## Story page

story-pseudonym = الاسم المستعار
story-origin = البلد
story-joined = سنة الانضمام
story-left = سنة المغادرة
story-interviewed = تاريخ المقابلة
story-duration = المدة
story-intro-heading = عن هذه الشهادة
video-unsupported = لا يستطيع متصفّحك تشغيل هذا الفيديو.
video-download = تنزيل الفيديو
video-error = تعذّر تحميل الفيديو. ويتضمّن نصّ الشهادة أدناه كل ما يُقال فيه.
video-youtube-link = شاهد الفيديو على يوتيوب
# Draft translation: needs review by a native speaker.
video-youtube-leaves = هذا الرابط يأخذك خارج هذا الموقع.
# Draft translation: needs review by a native speaker.
video-youtube-note = هذا الفيديو منشور على يوتيوب، وهو موقع مستقل. ولا يُحمَّل أي شيء من يوتيوب إلا إذا اخترت ذلك.
# Draft translation: needs review by a native speaker.
video-youtube-load = حمّل الفيديو من يوتيوب
# Draft translation: needs review by a native speaker.
video-youtube-load-note = سيتّصل متصفّحك عندئذٍ بيوتيوب.
segments-heading = أجزاء هذه الشهادة
segments-help = اختر جزءًا للانتقال إلى موضعه في الفيديو.
statement-heading = رسالة إلى كل من يفكّر في الانضمام
transcript-heading = نصّ الشهادة
transcript-help = اختر توقيتًا للانتقال إلى تلك اللحظة في الفيديو.
story-themes-heading = موضوعات هذه الشهادة
related-heading = قصص ذات صلة
segment-themes-label = الموضوعات
# $duration is like "12:34".
card-duration = فيديو، { $duration }

## Counts

story-count =
    { $count ->
        [zero] لا قصص
        [one] قصة واحدة
        [two] قصتان
        [few] { $count } قصص
        [many] { $count } قصة
       *[other] { $count } قصة
    }
segment-count =
    { $count ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $count } مقاطع
        [many] { $count } مقطعًا
       *[other] { $count } مقطع
    }

## Lists of stories

stories-intro = كل قصة هي رواية شخص واحد، مسجَّلة بالفيديو، مع ترجمة على الشاشة ونصّ كامل لما يُقال فيها.
filter-heading = تصفّح
filter-by-theme = حسب الموضوع
filter-by-country = حسب بلد الأصل
stories-all = جميع القصص
stories-list-heading =
    { $count ->
        [zero] لا توجد قصص
        [one] قصة واحدة
        [two] قصتان
        [few] { $count } قصص
        [many] { $count } قصة
       *[other] { $count } قصة
    }
# $country is the name of the country.
stories-from-intro = قصص أشخاص جاؤوا من { $country }.

## Pages of a list

pager-label = صفحات هذه القائمة
# In a right-to-left page "previous" points right and "next" points left.
pager-previous = → السابق
pager-next = التالي ←
pager-page = الصفحة { $number }
pager-position = الصفحة { $number } من { $count }

## Themes

themes-intro = رُتّبت الشهادات حسب الموضوع، ويجمع كل موضوع القصص ومقاطع الفيديو التي تتناوله.
theme-stories-heading = قصص تتناول هذا الموضوع
theme-segments-heading = مقاطع تتناول هذا الموضوع
themes-all = جميع الموضوعات

## Statements

statements-intro = ما يقوله الذين تركوا التنظيم لكل من يفكّر في الانضمام إليه.

## Home page

home-stories-heading = القصص
home-themes-heading = الموضوعات
home-all-stories = عرض جميع القصص
home-all-themes = عرض جميع الموضوعات
home-statements-link = اقرأ ما يقولونه لمن يفكّر في الانضمام

## Language chooser (the site's first page)

root-choose = اختر لغة
# Draft translation: needs review by a native speaker.
root-read-in = اقرأ بالعربية

## Page not found (404.html)

# Draft translation: needs review by a native speaker.
not-found-title = الصفحة غير موجودة
# Draft translation: needs review by a native speaker.
not-found-text = لا توجد صفحة بهذا العنوان. ربما نُقلت أو حُذفت.

## Search

# Draft translation: needs review by a native speaker.
nav-search = البحث
search-title = البحث
search-label = ابحث في القصص ورسائلها وما يُقال في المقاطع
search-needs-js = يحتاج البحث إلى جافاسكربت، وهي معطّلة في هذا المتصفح.
search-all-stories = كل القصص
search-searching = جارٍ البحث…
search-none = لا توجد قصة تطابق بحثك.
search-failed = تعذّر تحميل البحث. حاول مرة أخرى لاحقًا.
search-moment = في المقطع عند
