"""The sandbox acquirer's own pages (card form, 3-D Secure, outcome): a bank's look, not the SPA's.

Plain server-rendered HTML in kk/ru/en with its own small stylesheet; every input has a <label>
so that people with screen readers (and Playwright's getByLabel) find them."""

from __future__ import annotations

from decimal import Decimal
from html import escape

TEST_CARDS = (
    ("4242 4242 4242 4242", "ok"),
    ("4000 0000 0000 0002", "declined"),
    ("4000 0000 0000 3220", "3ds"),
)

T: dict[str, dict[str, str]] = {
    "title": {"kk": "Картамен төлеу", "ru": "Оплата картой", "en": "Card payment"},
    "test_mode": {"kk": "Сынақ режимі: ақша алынбайды.", "ru": "Тестовый режим: деньги не списываются.",
                  "en": "Test mode: no money is taken."},
    "merchant": {"kk": "Алушы", "ru": "Получатель", "en": "Merchant"},
    "amount": {"kk": "Сома", "ru": "Сумма", "en": "Amount"},
    "order": {"kk": "Тапсырыс нөмірі", "ru": "Номер заказа", "en": "Order number"},
    "card": {"kk": "Карта нөмірі", "ru": "Номер карты", "en": "Card number"},
    "expiry": {"kk": "Жарамдылық мерзімі (АА/ЖЖ)", "ru": "Срок действия (ММ/ГГ)", "en": "Expiry date (MM/YY)"},
    "cvc": {"kk": "CVC", "ru": "CVC", "en": "CVC"},
    "holder": {"kk": "Карта иесінің аты", "ru": "Имя держателя карты", "en": "Cardholder name"},
    "pay": {"kk": "{amount} төлеу", "ru": "Оплатить {amount}", "en": "Pay {amount}"},
    "cancel": {"kk": "Бас тарту және оралу", "ru": "Отменить и вернуться", "en": "Cancel and return"},
    "cards": {"kk": "Сынақ карталары", "ru": "Тестовые карты", "en": "Test cards"},
    "card.ok": {"kk": "сәтті төлем", "ru": "успешная оплата", "en": "succeeds"},
    "card.declined": {"kk": "қаражат жеткіліксіз", "ru": "недостаточно средств", "en": "declined: insufficient funds"},
    "card.3ds": {"kk": "3-D Secure коды сұралады (1234)", "ru": "запрос кода 3-D Secure (1234)",
                 "en": "asks for a 3-D Secure code (1234)"},
    "err.card": {"kk": "Карта нөмірін тексеріңіз: мұндай карта жоқ.", "ru": "Проверьте номер карты: такой карты не существует.",
                 "en": "Check the card number: it is not a valid card number."},
    "err.card_unknown": {"kk": "Бұл сынақ беті: төмендегі сынақ карталарының бірін пайдаланыңыз.",
                         "ru": "Это тестовая страница: используйте одну из тестовых карт ниже.",
                         "en": "This is a test page: pay with one of the test cards below."},
    "err.expiry": {"kk": "Мерзімін АА/ЖЖ түрінде енгізіңіз.", "ru": "Укажите срок действия в формате ММ/ГГ.",
                   "en": "Enter the expiry date as MM/YY."},
    "err.expired": {"kk": "Картаның мерзімі өтіп кеткен.", "ru": "Срок действия карты истёк.", "en": "The card has expired."},
    "err.cvc": {"kk": "CVC — картаның артындағы 3 сан.", "ru": "CVC — 3 цифры на обороте карты.",
                "en": "The CVC is the 3 digits on the back of the card."},
    "err.holder": {"kk": "Картадағыдай атыңызды енгізіңіз.", "ru": "Укажите имя, как на карте.",
                   "en": "Enter the name as it is on the card."},
    "3ds.title": {"kk": "3-D Secure растау", "ru": "Подтверждение 3-D Secure", "en": "3-D Secure confirmation"},
    "3ds.text": {"kk": "Банк телефоныңызға растау кодын жіберді. Сынақ коды: 1234.",
                 "ru": "Банк отправил код подтверждения на ваш телефон. Тестовый код: 1234.",
                 "en": "Your bank sent a confirmation code to your phone. Test code: 1234."},
    "3ds.code": {"kk": "Растау коды", "ru": "Код подтверждения", "en": "Confirmation code"},
    "3ds.confirm": {"kk": "Растау", "ru": "Подтвердить", "en": "Confirm"},
    "done.succeeded": {"kk": "Бұл тапсырыс төленген.", "ru": "Этот заказ уже оплачен.", "en": "This order is paid."},
    "done.declined": {"kk": "Бұл тапсырыс бойынша төлем қабылданбады.", "ru": "Оплата по этому заказу отклонена.",
                      "en": "The payment of this order was declined."},
    "done.expired": {"kk": "Тапсырыстың мерзімі өтті: кабинеттен қайта төлеңіз.",
                     "ru": "Срок заказа истёк: оплатите заново из кабинета.",
                     "en": "This order has expired: pay again from the cabinet."},
    "back": {"kk": "Кабинетке оралу", "ru": "Вернуться в кабинет", "en": "Back to the cabinet"},
}

CSS = """
*{box-sizing:border-box}body{margin:0;background:#eef1f5;font:15px/1.45 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2433}
header{background:#0b3d91;color:#fff;padding:14px 20px;display:flex;justify-content:space-between;align-items:center}
header b{font-size:17px;letter-spacing:.3px}header nav a{color:#cfe0ff;margin-left:10px;text-decoration:none}
header nav a[aria-current]{color:#fff;font-weight:600}
main{max-width:440px;margin:28px auto;padding:0 12px}.box{background:#fff;border-radius:10px;box-shadow:0 2px 10px #0b3d9122;padding:22px}
.test{background:#fff5d6;border:1px solid #f0d27a;border-radius:6px;padding:8px 12px;margin-bottom:16px;font-size:14px}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 14px;margin:0 0 18px}dt{color:#5b6478}dd{margin:0;font-weight:600;text-align:right}
dd.sum{font-size:20px;color:#0b3d91}label{display:block;font-size:13px;color:#5b6478;margin:12px 0 4px}
input{width:100%;padding:10px 12px;border:1px solid #c5ccd8;border-radius:6px;font-size:16px}
input:focus{outline:2px solid #0b3d91;border-color:#0b3d91}.row{display:flex;gap:12px}.row>div{flex:1}
button{width:100%;margin-top:18px;padding:12px;border:0;border-radius:6px;background:#0b3d91;color:#fff;font-size:16px;cursor:pointer}
button.link{background:none;color:#0b3d91;margin-top:8px;padding:6px;font-size:14px}
.err{background:#fdecec;border:1px solid #f3b4b4;color:#8a1c1c;border-radius:6px;padding:8px 12px;margin-top:12px}
.cards{margin-top:18px;font-size:13px;color:#5b6478}.cards code{color:#1d2433}a.back{display:block;text-align:center;margin-top:16px}
"""


def t(key: str, lang: str, **params: object) -> str:
    return T[key].get(lang, T[key]["ru"]).format(**params)


def tenge(amount: Decimal, lang: str) -> str:
    whole, cents = f"{amount:,.2f}".split(".")
    if lang == "en":
        return f"₸{whole}.{cents}"
    return f"{whole.replace(',', ' ')},{cents} ₸"  # a no-break space between thousands


def _page(lang: str, path: str, title: str, body: str) -> str:
    current = ' aria-current="true"'
    langs = "".join(
        f'<a href="{escape(path)}?lang={code}" hreflang="{code}"{current if code == lang else ""}>{code.upper()}</a>'
        for code in ("kk", "ru", "en")
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{escape(title)} — Sandbox Pay</title>'
        f"<style>{CSS}</style></head><body><header><b>Sandbox Pay</b><nav>{langs}</nav></header>"
        f'<main><div class="box"><div class="test" role="note">{t("test_mode", lang)}</div>{body}</div></main></body></html>'
    )


def _summary(lang: str, merchant: str, amount: Decimal, order_number: str) -> str:
    return (
        f'<h1 style="font-size:19px;margin:0 0 14px">{t("title", lang)}</h1><dl>'
        f'<dt>{t("merchant", lang)}</dt><dd>{escape(merchant)}</dd>'
        f'<dt>{t("amount", lang)}</dt><dd class="sum">{tenge(amount, lang)}</dd>'
        f'<dt>{t("order", lang)}</dt><dd>{escape(order_number)}</dd></dl>'
    )


def card_form(lang: str, path: str, merchant: str, amount: Decimal, order_number: str,
              values: dict[str, str] | None = None, error: str | None = None) -> str:
    v = {k: escape(x) for k, x in (values or {}).items()}
    error_html = f'<div class="err" role="alert">{t(error, lang)}</div>' if error else ""
    cards = "".join(f"<li><code>{number}</code> — {t('card.' + kind, lang)}</li>" for number, kind in TEST_CARDS)
    body = (
        _summary(lang, merchant, amount, order_number)
        + f'<form method="post" action="{escape(path)}" novalidate><input type="hidden" name="lang" value="{lang}">'
        f'<label for="card">{t("card", lang)}</label>'
        f'<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" maxlength="23" value="{v.get("card", "")}" required>'
        f'<div class="row"><div><label for="exp">{t("expiry", lang)}</label>'
        f'<input id="exp" name="exp" inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" maxlength="7" value="{v.get("exp", "")}" required></div>'
        f'<div><label for="cvc">{t("cvc", lang)}</label>'
        f'<input id="cvc" name="cvc" type="password" inputmode="numeric" autocomplete="cc-csc" maxlength="4" required></div></div>'
        f'<label for="holder">{t("holder", lang)}</label>'
        f'<input id="holder" name="holder" autocomplete="cc-name" maxlength="60" value="{v.get("holder", "")}" required>'
        f"{error_html}"
        f'<button type="submit" name="action" value="pay">{t("pay", lang, amount=tenge(amount, lang))}</button>'
        f'<button type="submit" name="action" value="cancel" class="link" formnovalidate>{t("cancel", lang)}</button></form>'
        f'<div class="cards">{t("cards", lang)}:<ul>{cards}</ul></div>'
    )
    return _page(lang, path, t("title", lang), body)


def three_ds_form(lang: str, path: str, merchant: str, amount: Decimal, order_number: str) -> str:
    body = (
        _summary(lang, merchant, amount, order_number)
        + f'<h2 style="font-size:17px">{t("3ds.title", lang)}</h2><p>{t("3ds.text", lang)}</p>'
        f'<form method="post" action="{escape(path)}/3ds"><input type="hidden" name="lang" value="{lang}">'
        f'<label for="code">{t("3ds.code", lang)}</label>'
        f'<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required>'
        f'<button type="submit">{t("3ds.confirm", lang)}</button></form>'
    )
    return _page(lang, path, t("3ds.title", lang), body)


def outcome_page(lang: str, path: str, merchant: str, amount: Decimal, order_number: str, status: str, back_url: str) -> str:
    body = (
        _summary(lang, merchant, amount, order_number)
        + f'<p role="status">{t("done." + status, lang)}</p><a class="back" href="{escape(back_url)}">{t("back", lang)}</a>'
    )
    return _page(lang, path, t("title", lang), body)
