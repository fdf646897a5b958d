## Interface strings of the site, in Russian.
## Status: draft (not yet reviewed by a native speaker)
## Translated from locales/en/main.ftl, which is the reference: see the comments there
## for where each string appears. Plurals use the Russian categories one (1, 21, 31…),
## few (2–4, 22–24…), many (0, 5–20, 25…) and other (fractions); 1 itself has its own
## variant [1]. The variant marked with * is the default. Readers are addressed with "вы".
## DRAFT: the strings under "Pages of a list" (pager-*) are a first Russian draft,
## not yet reviewed by a native speaker; review them before publishing.
## Drafts awaiting review by a native speaker (each marked below): warning-continue,
## video-youtube-leaves, video-youtube-note, video-youtube-load, video-youtube-load-note.

## Site

site-title = Свидетельства
footer-note = Все, кто говорит на этом сайте, выступают только под псевдонимами.
footer-privacy = Этот сайт не использует файлы cookie и ничего не загружает с других сайтов.

## Navigation

skip-to-content = Перейти к содержанию
nav-main-label = Главное меню
nav-home = Главная
nav-stories = Истории
nav-themes = Темы
nav-statements = Обращения
nav-about = О проекте
nav-languages-label = Язык
# Draft translation: needs review by a native speaker.
nav-menu = Меню

## Page titles

stories-title = Истории
themes-title = Темы
statements-title = Обращения

## Notices

# $language is the name of the language the page is shown in, e.g. "English".
notice-fallback = Эта страница ещё не переведена. Она показана на языке оригинала: { $language }.
notice-stale = Оригинал этой страницы изменился после перевода. Перевод может быть устаревшим.
# Draft translation: needs review by a native speaker. Shown only in the editors' preview.
draft-banner = Черновик: эта страница не опубликована. Её видите только вы, в режиме предпросмотра.
# $language is the name of the transcript's language.
notice-transcript-language = Расшифровки на этом языке пока нет. Расшифровка показана на другом языке: { $language }.
notice-example = Это вымышленная история, написанная, чтобы показать, как работает сайт. Это не настоящее свидетельство.
label-example = Вымышленный пример
label-untranslated = Пока не переведено

## Content warnings

warning-heading = Предупреждение о содержании
warning-intro = В этом свидетельстве есть:
warning-violence = описания насилия
warning-death = описания смерти и убийств
warning-sexual-violence = описания сексуального насилия
warning-child-abuse = описания жестокого обращения с детьми
warning-self-harm = упоминания о самоповреждении или самоубийстве
warning-disturbing-images = тяжёлые для восприятия кадры
warning-advice = Вы можете в любой момент поставить видео на паузу или остановить его. Ниже есть расшифровка: её можно прочитать вместо просмотра.
# Draft translation: needs review by a native speaker.
warning-continue = Я прочитал(а) предупреждение: показать видео

## Story page

story-pseudonym = Псевдоним
story-origin = Страна
story-joined = Год вступления
story-left = Год ухода
story-interviewed = Дата интервью
story-duration = Длительность
story-intro-heading = Об этом свидетельстве
video-unsupported = Ваш браузер не может воспроизвести это видео.
video-download = Скачать видео
video-error = Не удалось загрузить видео. В расшифровке ниже есть всё, что в нём говорится.
video-youtube-link = Смотреть видео на YouTube
# Draft translation: needs review by a native speaker.
video-youtube-leaves = Эта ссылка ведёт за пределы сайта.
# Draft translation: needs review by a native speaker.
video-youtube-note = Видео размещено на YouTube — это отдельный сайт. С YouTube ничего не загружается, пока вы сами этого не выберете.
# Draft translation: needs review by a native speaker.
video-youtube-load = Загрузить видео с YouTube
# Draft translation: needs review by a native speaker.
video-youtube-load-note = После этого ваш браузер подключится к YouTube.
segments-heading = Части этого свидетельства
segments-help = Выберите часть, чтобы перейти к этому месту видео.
statement-heading = Обращение к тем, кто думает присоединиться
transcript-heading = Расшифровка
transcript-help = Выберите время, чтобы перейти к этому месту видео.
story-themes-heading = Темы этого свидетельства
related-heading = Похожие истории
segment-themes-label = Темы
# $duration is like "12:34".
card-duration = Видео, { $duration }

## Counts

story-count =
    { $count ->
        [1] одна история
        [one] { $count } история
        [few] { $count } истории
        [many] { $count } историй
       *[other] { $count } истории
    }
segment-count =
    { $count ->
        [1] один фрагмент
        [one] { $count } фрагмент
        [few] { $count } фрагмента
        [many] { $count } фрагментов
       *[other] { $count } фрагмента
    }

## Lists of stories

stories-intro = Каждая история — это рассказ одного человека, записанный на видео, с субтитрами и полной расшифровкой.
filter-heading = Найти историю
filter-by-theme = По теме
filter-by-country = По стране происхождения
stories-all = Все истории
stories-list-heading =
    { $count ->
        [1] Одна история
        [one] { $count } история
        [few] { $count } истории
        [many] { $count } историй
       *[other] { $count } истории
    }
# $country is the name of the country, in the nominative: the sentence is built so that
# it needs no other case.
stories-from-intro = Истории людей, чья страна происхождения — { $country }.

## Pages of a list

pager-label = Страницы этого списка
pager-previous = ← Назад
pager-next = Далее →
pager-page = Страница { $number }
pager-position = Страница { $number } из { $count }

## Themes

themes-intro = Свидетельства распределены по темам. В каждой теме собраны истории и фрагменты видео, в которых о ней идёт речь.
theme-stories-heading = Истории на эту тему
theme-segments-heading = Фрагменты на эту тему
themes-all = Все темы

## Statements

statements-intro = Что люди, ушедшие из группировки, говорят тем, кто думает к ней присоединиться.

## Home page

home-stories-heading = Истории
home-themes-heading = Темы
home-all-stories = Все истории
home-all-themes = Все темы
home-statements-link = Прочитать, что они говорят тем, кто думает присоединиться

## Language chooser (the site's first page)

root-choose = Выберите язык
# Draft translation: needs review by a native speaker.
root-read-in = Читать на русском

## Page not found (404.html)

# Draft translation: needs review by a native speaker.
not-found-title = Страница не найдена
# Draft translation: needs review by a native speaker.
not-found-text = По этому адресу нет страницы. Возможно, она была перемещена или удалена.

## Search

# Draft translation: needs review by a native speaker.
nav-search = Поиск
search-title = Поиск
search-label = Искать в историях, обращениях и в том, что сказано в видео
search-needs-js = Для поиска нужен JavaScript, а в этом браузере он выключен.
search-all-stories = Все истории
search-searching = Идёт поиск…
search-none = Ни одна история не подходит под ваш запрос.
search-failed = Не удалось загрузить поиск. Попробуйте позже.
search-moment = В видео на
