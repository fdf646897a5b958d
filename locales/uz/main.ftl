## Interface strings of the site, in Uzbek (Latin script).
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Uzbek categories one and other (a noun
## after a number stays singular: "3 ta hikoya"); the variant marked with * is the default.
## Readers are addressed with "siz".

## Site

site-title = Guvohliklar
footer-note = Bu saytda gapirgan har bir kishi faqat taxallus bilan tanishtiriladi.
footer-privacy = Bu sayt cookie fayllardan foydalanmaydi va boshqa saytlardan hech narsa yuklamaydi.

## Navigation

skip-to-content = Asosiy matnga o‘tish
nav-main-label = Asosiy menyu
nav-home = Bosh sahifa
nav-stories = Hikoyalar
nav-themes = Mavzular
nav-statements = Murojaatlar
nav-about = Loyiha haqida
nav-languages-label = Til
# Draft translation: needs review by a native speaker.
nav-menu = Menyu

## Page titles

stories-title = Hikoyalar
themes-title = Mavzular
statements-title = Murojaatlar

## Notices

notice-fallback = Bu sahifa hali tarjima qilinmagan. U asl tilida ko‘rsatilmoqda: { $language }.
notice-stale = Bu sahifaning asl matni tarjimadan keyin o‘zgargan. Bu tarjima eskirgan bo‘lishi mumkin.
draft-banner = Qoralama: bu sahifa e’lon qilinmagan. Uni faqat siz, oldindan ko‘rishda ko‘rasiz.
notice-transcript-language = Bu tilda hali matn yozuvi yo‘q. Matn yozuvi quyidagi tilda ko‘rsatilmoqda: { $language }.
notice-example = Bu saytni namoyish qilish uchun yozilgan to‘qima namuna hikoya. Bu haqiqiy guvohlik emas.
label-example = To‘qima namuna
label-untranslated = Hali tarjima qilinmagan

## Content warnings

warning-heading = Mazmun haqida ogohlantirish
warning-intro = Bu guvohlikda quyidagilar bor:
warning-violence = zo‘ravonlik tasvirlari
warning-death = o‘lim va qotillik tasvirlari
warning-sexual-violence = jinsiy zo‘ravonlik tasvirlari
warning-child-abuse = bolalarga nisbatan zo‘ravonlik tasvirlari
warning-self-harm = o‘ziga zarar yetkazish yoki o‘z joniga qasd qilish haqida eslatmalar
warning-disturbing-images = bezovta qiluvchi tasvirlar
warning-advice = Istalgan vaqtda to‘xtatib turishingiz yoki to‘xtatishingiz mumkin. Quyidagi matn yozuvi tomosha qilish o‘rniga o‘qish imkonini beradi.
warning-continue = Ogohlantirishni o‘qidim: videoni ko‘rsatish

## Story page

story-pseudonym = Taxallus
story-origin = Qayerdan
story-joined = Qo‘shilgan
story-left = Chiqib ketgan
story-interviewed = Suhbat
story-duration = Davomiyligi
story-intro-heading = Bu guvohlik haqida
video-unsupported = Brauzeringiz bu videoni ijro eta olmaydi.
video-download = Videoni yuklab olish
video-error = Videoni yuklab bo‘lmadi. Quyidagi matn yozuvida aytilgan hamma narsa bor.
video-youtube-link = Videoni YouTube’da ko‘rish
video-youtube-leaves = Bu havola sizni saytdan tashqariga olib chiqadi.
video-youtube-note = Video alohida sayt bo‘lgan YouTube’da joylashgan. Siz tanlamaguningizcha YouTube’dan hech narsa yuklanmaydi.
video-youtube-load = Videoni YouTube’dan yuklash
video-youtube-load-note = Shunda brauzeringiz YouTube’ga ulanadi.
segments-heading = Bu guvohlikning qismlari
segments-help = Videoning o‘sha joyiga o‘tish uchun qismni tanlang.
statement-heading = Qo‘shilishni o‘ylayotgan har bir kishiga murojaat
transcript-heading = Matn yozuvi
transcript-help = Videoning o‘sha joyiga o‘tish uchun vaqtni tanlang.
story-themes-heading = Bu guvohlikdagi mavzular
related-heading = O‘xshash hikoyalar
segment-themes-label = Mavzular
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] bitta hikoya
       *[other] { $count } ta hikoya
    }
segment-count =
    { $count ->
        [one] bitta parcha
       *[other] { $count } ta parcha
    }

## Lists of stories

stories-intro = Har bir hikoya bir kishining videoga yozib olingan, subtitrlar va to‘liq matn yozuviga ega bayonidir.
filter-heading = Ko‘rib chiqish
filter-by-theme = Mavzu bo‘yicha
filter-by-country = Kelib chiqqan mamlakat bo‘yicha
stories-all = Barcha hikoyalar
stories-list-heading =
    { $count ->
        [one] Bitta hikoya
       *[other] { $count } ta hikoya
    }
stories-from-intro = Quyidagi mamlakatdan kelgan odamlarning hikoyalari: { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Bu ro‘yxatning sahifalari
pager-previous = ← Oldingi
pager-next = Keyingi →
pager-page = { $number }-sahifa
pager-position = { $count } sahifadan { $number }-sahifa

## Themes

themes-intro = Guvohliklar mavzular bo‘yicha tartiblangan. Har bir mavzu unga oid hikoyalar va video parchalarini jamlaydi.
theme-stories-heading = Bu mavzudagi hikoyalar
theme-segments-heading = Bu mavzudagi parchalar
themes-all = Barcha mavzular

## Statements

statements-intro = Chiqib ketganlar qo‘shilishni o‘ylayotgan har bir kishiga nima deydi.

## Home page

home-stories-heading = Hikoyalar
home-themes-heading = Mavzular
home-all-stories = Barcha hikoyalarni ko‘rish
home-all-themes = Barcha mavzularni ko‘rish
home-statements-link = Ular qo‘shilishni o‘ylayotganlarga nima deyishini o‘qing

## Language chooser (the site's first page)

root-choose = Tilni tanlang
# Draft translation: needs review by a native speaker.
root-read-in = Oʻzbek tilida oʻqing

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Sahifa topilmadi
not-found-text = Bu manzilda sahifa yo‘q. U ko‘chirilgan yoki o‘chirilgan bo‘lishi mumkin.

## Search

nav-search = Qidiruv
search-title = Qidiruv
search-label = Hikoyalar, ularning murojaatlari va videolarda aytilganlar bo‘yicha qidirish
search-needs-js = Qidiruv uchun JavaScript kerak, u esa bu brauzerda o‘chirilgan.
search-all-stories = Barcha hikoyalarni ko‘rish
search-searching = Qidirilmoqda…
search-none = Qidiruvingizga mos hikoya topilmadi.
search-failed = Qidiruvni yuklab bo‘lmadi. Keyinroq qayta urinib ko‘ring.
search-moment = Videoda, vaqt:
