## Interface strings of the site, in Indonesian.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Indonesian has one plural category, other: a noun after
## a number does not change ("3 kisah"), so the counts have a single default variant.

## Site

site-title = Kesaksian
footer-note = Setiap orang yang berbicara di situs ini hanya dikenali dengan nama samaran.
footer-privacy = Situs ini tidak memasang cookie dan tidak memuat apa pun dari situs web lain.

## Navigation

skip-to-content = Langsung ke isi
nav-main-label = Utama
nav-home = Beranda
nav-stories = Kisah
nav-themes = Tema
nav-statements = Pesan
nav-about = Tentang
nav-languages-label = Bahasa
# Draft translation: needs review by a native speaker.
nav-menu = Menu

## Page titles

stories-title = Kisah
themes-title = Tema
statements-title = Pesan

## Notices

notice-fallback = Halaman ini belum diterjemahkan. Halaman ditampilkan dalam bahasa aslinya, { $language }.
notice-stale = Teks asli halaman ini telah berubah sejak diterjemahkan. Terjemahan ini mungkin sudah tidak mutakhir.
draft-banner = Draf: halaman ini belum diterbitkan. Hanya Anda yang melihatnya, di pratinjau.
notice-transcript-language = Belum ada transkrip dalam bahasa ini. Transkrip ditampilkan dalam { $language }.
notice-example = Ini adalah contoh kisah rekaan, ditulis untuk memperlihatkan situs ini. Ini bukan kesaksian nyata.
label-example = Contoh rekaan
label-untranslated = Belum diterjemahkan

## Content warnings

warning-heading = Peringatan isi
warning-intro = Kesaksian ini berisi:
warning-violence = gambaran kekerasan
warning-death = gambaran kematian dan pembunuhan
warning-sexual-violence = gambaran kekerasan seksual
warning-child-abuse = gambaran kekerasan terhadap anak
warning-self-harm = penyebutan tindakan menyakiti diri atau bunuh diri
warning-disturbing-images = gambar yang mengganggu
warning-advice = Anda dapat menjeda atau berhenti kapan saja. Transkrip di bawah memungkinkan Anda membaca alih-alih menonton.
warning-continue = Saya sudah membaca peringatan: tampilkan video

## Story page

story-pseudonym = Nama samaran
story-origin = Asal
story-joined = Bergabung
story-left = Keluar
story-interviewed = Diwawancarai
story-duration = Durasi
story-intro-heading = Tentang kesaksian ini
video-unsupported = Peramban Anda tidak dapat memutar video ini.
video-download = Unduh video
video-error = Video tidak dapat dimuat. Transkrip di bawah berisi semua yang diucapkan.
video-youtube-link = Tonton video di YouTube
video-youtube-leaves = Tautan ini keluar dari situs ini.
video-youtube-note = Video ini disimpan di YouTube, situs web yang terpisah. Tidak ada yang dimuat dari YouTube sampai Anda memilihnya.
video-youtube-load = Muat video dari YouTube
video-youtube-load-note = Peramban Anda kemudian akan terhubung ke YouTube.
segments-heading = Bagian-bagian kesaksian ini
segments-help = Pilih satu bagian untuk menuju titik itu di video.
statement-heading = Pesan untuk siapa pun yang berpikir untuk bergabung
transcript-heading = Transkrip
transcript-help = Pilih satu waktu untuk menuju titik itu di video.
story-themes-heading = Tema dalam kesaksian ini
related-heading = Kisah terkait
segment-themes-label = Tema
card-duration = Video, { $duration }

## Counts

story-count =
    { $count ->
       *[other] { $count } kisah
    }
segment-count =
    { $count ->
       *[other] { $count } bagian
    }

## Lists of stories

stories-intro = Setiap kisah adalah penuturan satu orang, direkam dalam video, dengan teks dan transkrip lengkap.
filter-heading = Jelajahi
filter-by-theme = Menurut tema
filter-by-country = Menurut negara asal
stories-all = Semua kisah
stories-list-heading =
    { $count ->
       *[other] { $count } kisah
    }
stories-from-intro = Kisah orang-orang yang berasal dari { $country }.

## Pages of a list (a long list of stories is cut into pages)

pager-label = Halaman daftar ini
pager-previous = ← Sebelumnya
pager-next = Berikutnya →
pager-page = Halaman { $number }
pager-position = Halaman { $number } dari { $count }

## Themes

themes-intro = Kesaksian-kesaksian disusun menurut tema. Setiap tema mengumpulkan kisah dan bagian video yang membahasnya.
theme-stories-heading = Kisah tentang tema ini
theme-segments-heading = Bagian video tentang tema ini
themes-all = Semua tema

## Statements

statements-intro = Apa yang dikatakan orang-orang yang telah keluar kepada siapa pun yang berpikir untuk bergabung.

## Home page

home-stories-heading = Kisah
home-themes-heading = Tema
home-all-stories = Lihat semua kisah
home-all-themes = Lihat semua tema
home-statements-link = Baca apa yang mereka katakan kepada yang berpikir untuk bergabung

## Language chooser (the site's first page)

root-choose = Pilih bahasa
# Draft translation: needs review by a native speaker.
root-read-in = Baca dalam bahasa Indonesia

## Page not found (404.html: hosts show it for an address that does not exist)

not-found-title = Halaman tidak ditemukan
not-found-text = Tidak ada halaman di alamat ini. Halaman mungkin telah dipindahkan atau dihapus.

## Search

nav-search = Cari
search-title = Cari
search-label = Cari di kisah, pesan mereka, dan apa yang diucapkan dalam video
search-needs-js = Pencarian memerlukan JavaScript, yang dimatikan di peramban ini.
search-all-stories = Lihat semua kisah
search-searching = Mencari…
search-none = Tidak ada kisah yang cocok dengan pencarian Anda.
search-failed = Pencarian tidak dapat dimuat. Silakan coba lagi nanti.
search-moment = Di video pada
