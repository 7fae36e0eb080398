"""Texts the server itself sends (SMS, calls, emails) in Kazakh, Russian and English.

Everything shown in the SPA is translated by the client; the server localizes only what
leaves by SMS, voice or email, in the language the person chose.
"""

from __future__ import annotations

LOCALES = ("kk", "ru", "en")
DEFAULT_LOCALE = "kk"

_TEXTS: dict[str, dict[str, str]] = {
    "otp.registration": {
        "kk": "Shanyraq: тіркеу коды {code}. Кодты ешкімге бермеңіз.",
        "ru": "Shanyraq: код регистрации {code}. Никому не сообщайте код.",
        "en": "Shanyraq: your registration code is {code}. Do not share it.",
    },
    "otp.phone_login": {
        "kk": "Shanyraq: кіру коды {code}.",
        "ru": "Shanyraq: код входа {code}.",
        "en": "Shanyraq: your sign-in code is {code}.",
    },
    "otp.phone_login.call": {
        "kk": "Сіздің кіру кодыңыз: {spaced}. Қайталаймын: {spaced}.",
        "ru": "Ваш код входа: {spaced}. Повторяю: {spaced}.",
        "en": "Your sign-in code is {spaced}. Again: {spaced}.",
    },
    "otp.phone_change": {
        "kk": "Shanyraq: телефонды растау коды {code}.",
        "ru": "Shanyraq: код подтверждения телефона {code}.",
        "en": "Shanyraq: your phone confirmation code is {code}.",
    },
    "otp.phone_change.call": {
        "kk": "Телефонды растау коды: {spaced}.",
        "ru": "Код подтверждения телефона: {spaced}.",
        "en": "Your phone confirmation code is {spaced}.",
    },
    "otp.email_change.subject": {
        "kk": "Shanyraq: электрондық поштаны растау",
        "ru": "Shanyraq: подтверждение электронной почты",
        "en": "Shanyraq: confirm your email",
    },
    "otp.email_change": {
        "kk": "Электрондық поштаны растау коды: {code}. Код 5 минут жарамды.",
        "ru": "Код подтверждения электронной почты: {code}. Код действует 5 минут.",
        "en": "Your email confirmation code is {code}. It is valid for 5 minutes.",
    },
    "otp.queue_signing": {
        "kk": "Shanyraq: тұрғынжайға мұқтаждар есебіне қою өтінішіне қол қою коды {code}. Кодты ешкімге бермеңіз.",
        "ru": "Shanyraq: код подписания заявления о постановке на учёт нуждающихся в жилище {code}. Никому не сообщайте код.",
        "en": "Shanyraq: your code to sign the housing queue application is {code}. Do not share it.",
    },
    "registration.exists": {
        "kk": "Shanyraq: бұл деректермен тіркелгі бар. Кіріңіз немесе құпия сөзді қалпына келтіріңіз.",
        "ru": "Shanyraq: учётная запись с этими данными уже есть. Войдите или восстановите пароль.",
        "en": "Shanyraq: an account with these details already exists. Sign in or reset your password.",
    },
    "email.in_use.subject": {
        "kk": "Shanyraq: поштаңызды қосу әрекеті",
        "ru": "Shanyraq: попытка привязать вашу почту",
        "en": "Shanyraq: someone tried to use your email",
    },
    "email.in_use": {
        "kk": "Біреу бұл поштаны басқа тіркелгіге қосқысы келді. Егер бұл сіз болмасаңыз, ештеңе істемеңіз.",
        "ru": "Кто-то пытался привязать эту почту к другой учётной записи. Если это были не вы, ничего делать не нужно.",
        "en": "Someone tried to add this email to another account. If it was not you, there is nothing to do.",
    },
    "application.status": {
        "kk": "Shanyraq: {number} өтінімі — {status}.",
        "ru": "Shanyraq: заявка {number} — {status}.",
        "en": "Shanyraq: application {number} — {status}.",
    },
    "application.status.draft": {"kk": "Жасауда", "ru": "Создаётся", "en": "Being created"},
    "application.status.sent": {"kk": "Өтінім жіберілді", "ru": "Заявка отправлена", "en": "Sent"},
    "application.status.registered": {"kk": "Өтінім тіркелген", "ru": "Заявка зарегистрирована", "en": "Registered"},
    "application.status.in_review": {"kk": "Өтінім қарауда", "ru": "Заявка на рассмотрении", "en": "Under review"},
    "application.status.needs_revision": {
        "kk": "Өтінім қаралды, пысықтау қажет", "ru": "Заявка рассмотрена, требуется доработка", "en": "Needs revision",
    },
    "application.status.rejected": {"kk": "Өтінім қабылданбады", "ru": "Заявка отклонена", "en": "Rejected"},
    "application.status.approved": {
        "kk": "Өтінім мақұлданды, ҚК дайындалуда", "ru": "Заявка одобрена, готовится ДС",
        "en": "Approved, supplementary agreement in preparation",
    },
    "application.status.sa_parties_signing": {
        "kk": "Өтініш берушінің ҚК-ға қол қоюы", "ru": "Подписание ДС заявителем и застройщиком",
        "en": "Supplementary agreement awaits the applicant's and developer's signatures",
    },
    "application.status.sa_kzhk_signing": {
        "kk": "«ҚТК» АҚ КҚ-ға қол қоюы", "ru": "Подписание ДС АО «КЖК»", "en": "Supplementary agreement awaits KZhK's signature",
    },
    "application.status.sa_signed": {"kk": "КҚ қол қойылды", "ru": "ДС подписано", "en": "Supplementary agreement signed"},
}


def pick_locale(value: str | None) -> str:
    if value:
        for part in value.replace(" ", "").split(","):
            code = part.split(";")[0].split("-")[0].lower()
            if code in LOCALES:
                return code
    return DEFAULT_LOCALE


def text(key: str, locale: str, **params: object) -> str:
    variants = _TEXTS[key]
    return variants.get(locale, variants[DEFAULT_LOCALE]).format(**params)
