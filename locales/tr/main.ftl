## Interface strings of the site, in Turkish.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Turkish categories one and other (a noun
## after a number stays singular: "3 hikâye"); the variant marked with * is the default.
## Readers are addressed with "siz"; short link and button texts use the plain imperative.
## DRAFT: the strings under "Pages of a list" (pager-*) are a first Turkish draft,
## not yet reviewed by a native speaker; review them before publishing.
## Drafts awaiting review by a native speaker (each marked below): warning-continue,
## video-youtube-leaves, video-youtube-note, video-youtube-load, video-youtube-load-note.

## Site

site-title = Tanıklıklar
footer-note = Bu sitede konuşan herkes yalnızca bir takma adla yer alır.
footer-privacy = Bu site çerez kullanmaz ve başka sitelerden hiçbir şey yüklemez.

## Navigation

skip-to-content = İçeriğe geç
nav-main-label = Ana menü
nav-home = Ana sayfa
nav-stories = Hikâyeler
nav-themes = Konular
nav-statements = Mesajlar
nav-about = Hakkında
nav-languages-label = Dil
# Draft translation: needs review by a native speaker.
nav-menu = Menü

## Page titles

stories-title = Hikâyeler
themes-title = Konular
statements-title = Mesajlar

## Notices

# $language is the name of the language the page is shown in, e.g. "English".
# A colon avoids a case suffix on the name.
notice-fallback = Bu sayfa henüz çevrilmedi. Sayfa, özgün dilinde gösteriliyor: { $language }.
notice-stale = Bu sayfanın aslı, çevrildikten sonra değiştirildi. Bu çeviri güncel olmayabilir.
# Draft translation: needs review by a native speaker. Shown only in the editors' preview.
draft-banner = Taslak: Bu sayfa yayımlanmadı. Yalnızca siz, önizlemede görebilirsiniz.
# $language is the name of the transcript's language.
notice-transcript-language = Bu dilde henüz bir konuşma metni yok. Konuşma metni başka bir dilde gösteriliyor: { $language }.
notice-example = Bu, sitenin nasıl çalıştığını göstermek için yazılmış kurgusal bir örnek hikâyedir. Gerçek bir tanıklık değildir.
label-example = Kurgusal örnek
label-untranslated = Henüz çevrilmedi

## Content warnings

warning-heading = İçerik uyarısı
warning-intro = Bu tanıklıkta şunlar yer alıyor:
warning-violence = şiddet anlatımları
warning-death = ölüm ve öldürme anlatımları
warning-sexual-violence = cinsel şiddet anlatımları
warning-child-abuse = çocuklara yönelik istismar anlatımları
warning-self-harm = kendine zarar verme ya da intihara ilişkin sözler
warning-disturbing-images = rahatsız edici görüntüler
warning-advice = Videoyu istediğiniz an duraklatabilir ya da kapatabilirsiniz. İzlemek yerine aşağıdaki konuşma metnini okuyabilirsiniz.
# Draft translation: needs review by a native speaker.
warning-continue = Uyarıyı okudum: videoyu göster

## Story page

story-pseudonym = Takma ad
story-origin = Geldiği ülke
story-joined = Katıldığı yıl
story-left = Ayrıldığı yıl
story-interviewed = Görüşme tarihi
story-duration = Süre
story-intro-heading = Bu tanıklık hakkında
video-unsupported = Tarayıcınız bu videoyu oynatamıyor.
video-download = Videoyu indir
video-error = Video yüklenemedi. Videoda söylenen her şey aşağıdaki konuşma metninde yer alıyor.
video-youtube-link = Videoyu YouTube’da izle
# Draft translation: needs review by a native speaker.
video-youtube-leaves = Bu bağlantı sizi bu sitenin dışına götürür.
# Draft translation: needs review by a native speaker.
video-youtube-note = Video, ayrı bir web sitesi olan YouTube’da yayımlanıyor. Siz seçmedikçe YouTube’dan hiçbir şey yüklenmez.
# Draft translation: needs review by a native speaker.
video-youtube-load = Videoyu YouTube’dan yükle
# Draft translation: needs review by a native speaker.
video-youtube-load-note = Bu durumda tarayıcınız YouTube’a bağlanır.
segments-heading = Bu tanıklığın bölümleri
segments-help = Videoda o ana gitmek için bir bölüm seçin.
statement-heading = Örgüte katılmayı düşünen herkese bir mesaj
transcript-heading = Konuşma metni
transcript-help = Videoda o ana gitmek için bir zaman seçin.
story-themes-heading = Bu tanıklıktaki konular
related-heading = İlgili hikâyeler
segment-themes-label = Konular
# $duration is like "12:34".
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
        [one] bir hikâye
       *[other] { $count } hikâye
    }
segment-count =
    { $count ->
        [one] bir kesit
       *[other] { $count } kesit
    }

## Lists of stories

stories-intro = Her hikâye, tek bir kişinin kendi anlatımıdır: videoya kaydedilmiştir, altyazılıdır ve konuşma metninin tamamı da verilir.
filter-heading = Göz at
filter-by-theme = Konuya göre
filter-by-country = Geldikleri ülkeye göre
stories-all = Tüm hikâyeler
stories-list-heading =
    { $count ->
        [one] Bir hikâye
       *[other] { $count } hikâye
    }
# $country is the name of the country. A colon avoids a case suffix on the name.
stories-from-intro = Şu ülkeden gelen kişilerin hikâyeleri: { $country }.

## Pages of a list

pager-label = Bu listenin sayfaları
pager-previous = ← Önceki
pager-next = Sonraki →
pager-page = Sayfa { $number }
pager-position = Sayfa { $number } / { $count }

## Themes

themes-intro = Tanıklıklar konulara göre düzenlenmiştir. Her konu, kendisine değinen hikâyeleri ve video kesitlerini bir araya getirir.
theme-stories-heading = Bu konudaki hikâyeler
theme-segments-heading = Bu konudaki kesitler
themes-all = Tüm konular

## Statements

statements-intro = Örgütten ayrılanların, katılmayı düşünen herkese söyledikleri.

## Home page

home-stories-heading = Hikâyeler
home-themes-heading = Konular
home-all-stories = Tüm hikâyeleri gör
home-all-themes = Tüm konuları gör
home-statements-link = Katılmayı düşünenlere söylediklerini oku

## Language chooser (the site's first page)

root-choose = Bir dil seçin
# Draft translation: needs review by a native speaker.
root-read-in = Türkçe okuyun

## Page not found (404.html)

# Draft translation: needs review by a native speaker.
not-found-title = Sayfa bulunamadı
# Draft translation: needs review by a native speaker.
not-found-text = Bu adreste bir sayfa yok. Taşınmış ya da kaldırılmış olabilir.

## Search

# Draft translation: needs review by a native speaker.
nav-search = Arama
search-title = Arama
search-label = Hikâyelerde, mesajlarında ve videolarda söylenenlerde ara
search-needs-js = Arama için JavaScript gerekir; bu tarayıcıda kapalı.
search-all-stories = Tüm hikâyeleri gör
search-searching = Aranıyor…
search-none = Aramanızla eşleşen hikâye yok.
search-failed = Arama yüklenemedi. Lütfen daha sonra yeniden deneyin.
search-moment = Videoda:
