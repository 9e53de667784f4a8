"""Currency symbols, ISO codes and words, each with its ISO code."""

from __future__ import annotations

_CURRENCY_SYMBOLS = {
    "US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "₣": "CHF",
}
_CURRENCY_CODES = frozenset(
    "GBP USD EUR JPY CHF CAD AUD NZD INR CNY RMB HKD SGD SEK NOK DKK PLN CZK ZAR BRL MXN RUB KRW TRY ILS AED SAR".split()
)
_CURRENCY_WORDS = {"pound": "GBP", "pounds": "GBP", "dollar": "USD", "dollars": "USD", "euro": "EUR",
                   "euros": "EUR", "yen": "JPY", "rupees": "INR", "francs": "CHF"}
