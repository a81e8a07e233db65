#!/usr/bin/env python3
"""Generate the test-message corpus of linkedin-milter.

    python3 tests/data/make-corpus.py

writes tests/data/corpus/NNN-name.eml (raw RFC 5322, LF line endings), the expected
test-mode JSON NNN-name.json next to each, tests/data/corpus/README, and the
representative copies in contrib/samples/.  Everything is deterministic: fixed dates,
tokens drawn from a random.Random seeded with the case name.  Python 3 stdlib only.

Every message is invented.  Persons, companies and schools are fictional; parties
other than LinkedIn use example.org / example.com / example.net (and .example).
The formats imitate the descriptions in linkedin-mail-facts.md (see the README's
marker column: confirmed / likely / unverified).

Layout of this file:
  1. low-level helpers: tokens, dates, RFC 2047, MIME assembly
  2. people and localized strings
  3. one builder per era / format (they return a Case: raw bytes + expectation)
  4. the table of cases
  5. self-checks, writing, README, samples, summary
"""

import corpus_gateways  # noqa: E402 (issue 22: gateways, lists)
import base64
import datetime as dt
import email
import email.header
import email.policy
import html
import json
import os
import quopri
import unicodedata
import random
import re
import shutil
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "contrib", "samples"))
MX = "mx.example.org"          # our authserv_id (design §7)

# ===================================================================== 1. helpers


class Tok:
    """Deterministic token source, seeded from the case name."""

    LOW36 = "0123456789abcdefghijklmnopqrstuvwxyz"
    ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def __init__(self, seed):
        self.r = random.Random(zlib.crc32(seed.encode("utf-8")))

    def pick(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b36(self, n):
        return self.pick(self.LOW36, n)

    def B36(self, n):
        return self.pick(self.LOW36.upper(), n)

    def alnum(self, n):
        return self.pick(self.ALNUM, n)

    def urlsafe(self, n):
        return self.pick(self.ALNUM + "-_", n)

    def digits(self, n, first="123456789"):
        return self.r.choice(first) + self.pick("0123456789", n - 1)

    def num(self, lo, hi):
        return self.r.randint(lo, hi)

    def lid(self):
        """X-LinkedIn-Id: a dash triple like 9xwl7q-iuzbhb2l-5i."""
        return "%s-%s-%s" % (self.b36(6), self.b36(8), self.b36(2))


DOW = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def when(y, m, d, hh=10, mm=0, ss=0):
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=dt.timezone.utc)


def rfc_date(t, zone="+0000 (UTC)", offset_hours=0):
    """LinkedIn style: 'Tue, 1 Nov 2016 15:57:02 +0000 (UTC)'."""
    lt = t + dt.timedelta(hours=offset_hours)
    return "%s, %d %s %d %02d:%02d:%02d %s" % (
        DOW[lt.weekday()], lt.day, MON[lt.month - 1], lt.year,
        lt.hour, lt.minute, lt.second, zone)


def epoch_ms(t, tok):
    return int(t.timestamp()) * 1000 + tok.num(0, 999)


# ---- RFC 2047 -------------------------------------------------------------

PYCODEC = {"UTF-8": "utf-8", "ISO-8859-1": "latin-1", "WINDOWS-1252": "cp1252",
           "GB2312": "gb2312", "ISO-8859-15": "iso8859-15", "US-ASCII": "ascii"}


def codec(charset):
    return PYCODEC.get(charset.upper(), charset)


def _q(data):
    out = []
    for c in data:
        ch = chr(c)
        if c == 0x20:
            out.append("_")
        elif c < 128 and (ch.isalnum() or ch in "!*+-/"):
            out.append(ch)
        else:
            out.append("=%02X" % c)
    return "".join(out)


def _word(text, enc, charset):
    data = text.encode(codec(charset))
    body = _q(data) if enc == "Q" else base64.b64encode(data).decode("ascii")
    return "=?%s?%s?%s?=" % (charset, enc, body)


def encoded_words(text, enc="Q", charset="UTF-8", maxlen=75):
    """Split text into RFC 2047 words of at most maxlen characters each."""
    words, cur = [], ""
    for ch in text:
        if cur and len(_word(cur + ch, enc, charset)) > maxlen:
            words.append(_word(cur, enc, charset))
            cur = ""
        cur += ch
    if cur:
        words.append(_word(cur, enc, charset))
    return words


def enc_header(text, enc="Q", charset="UTF-8", fold=False, maxlen=75):
    """ASCII stays as is; otherwise encoded words, optionally folded one per line."""
    if all(ord(c) < 128 for c in text):
        return text
    return ("\n " if fold else " ").join(encoded_words(text, enc, charset, maxlen))


ATEXT_SPECIAL = set('()<>[]:;@\\,."')


def address(display, addr, enc="Q", charset="UTF-8", fold=False):
    if display is None:
        return addr
    if any(ord(c) >= 128 for c in display):
        return "%s <%s>" % (enc_header(display, enc, charset, fold), addr)
    if any(c in ATEXT_SPECIAL for c in display):
        return '"%s" <%s>' % (display.replace("\\", "\\\\").replace('"', '\\"'), addr)
    return "%s <%s>" % (display, addr)


# ---- MIME ----------------------------------------------------------------


def header_block(headers):
    lines = []
    for name, value in headers:
        if value is None:
            continue
        line = "%s: %s" % (name, value)
        assert all(ord(c) < 128 for c in line), line
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("ascii")


def encode_body(text, charset="UTF-8", cte="quoted-printable"):
    if not text.endswith("\n"):
        text += "\n"
    try:
        data = text.encode(codec(charset))
    except LookupError:         # an unknown declared charset (malformed-mail cases)
        data = text.encode("utf-8")
    cte = cte.lower()
    if cte == "quoted-printable":
        return quopri.encodestring(data)
    if cte == "base64":
        return base64.encodebytes(data)
    if cte == "7bit":
        assert all(b < 128 for b in data), "7bit body with 8-bit data"
    return data


def leaf(ctype, text, charset="UTF-8", cte="quoted-printable", compact=False, extra=()):
    """One MIME leaf with its headers. compact: 'text/plain;charset=UTF-8' (2016+)."""
    if charset:
        ct = ("%s;charset=%s" if compact else "%s; charset=%s") % (ctype, charset)
    else:
        ct = ctype
    hs = [("Content-Type", ct), ("Content-Transfer-Encoding", cte)] + list(extra)
    return header_block(hs) + b"\n" + encode_body(text, charset or "US-ASCII", cte)


def multipart(boundary, parts, preamble=None, close=True):
    out = b""
    if preamble:
        out += preamble.encode("ascii") + b"\n"
    for p in parts:
        out += b"--" + boundary.encode("ascii") + b"\n" + p
        if not p.endswith(b"\n"):
            out += b"\n"
    if close:
        out += b"--" + boundary.encode("ascii") + b"--\n"
    return out


def ct_multipart(sub, boundary):
    return 'multipart/%s; \n\tboundary="%s"' % (sub, boundary)


def assemble(headers, body=b""):
    raw = header_block(headers) + b"\n" + body
    assert b"\r" not in raw
    return raw


def linkedin_boundary(tok, ms):
    return "----=_Part_%d_%d.%d" % (tok.num(100000, 9999999), tok.num(100000000, 2099999999), ms)


def esc(text):
    return html.escape(text, quote=True)


def esc_lines(text):
    return "<br/>".join(esc(line) for line in text.split("\n"))


NAMED = {"é": "&eacute;", "è": "&egrave;", "ê": "&ecirc;", "à": "&agrave;", "ç": "&ccedil;",
         "ë": "&euml;", "ï": "&iuml;", "ô": "&ocirc;", "ü": "&uuml;", "ö": "&ouml;",
         "ä": "&auml;", "ß": "&szlig;", "É": "&Eacute;", "…": "&hellip;", "©": "&copy;",
         "’": "&rsquo;", "ñ": "&ntilde;", "á": "&aacute;", "í": "&iacute;", "ó": "&oacute;",
         "ú": "&uacute;", "ã": "&atilde;", "â": "&acirc;", "î": "&icirc;", "û": "&ucirc;"}


def ent(text, style="named"):
    """HTML-escape and turn every non-ASCII character into an entity.
    style: named (&eacute;, falling back to numeric), numeric (&#233;), mixed (alternate)."""
    out, n = [], 0
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == '"':
            out.append("&quot;")
        elif ord(ch) < 128:
            out.append(ch)
        else:
            n += 1
            use_named = style == "named" or (style == "mixed" and n % 2 == 1)
            out.append(NAMED[ch] if use_named and ch in NAMED else "&#%d;" % ord(ch))
    return "".join(out)


def collapse(text):
    return re.sub(r"\s+", " ", text).strip() if text is not None else None


def without_cf(text):
    """TEXT without format characters (Unicode Cf): no field keeps them (issue 23)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


# ---- URL normalization (the convention the expectations follow) -------------


def normalize_profile_url(url):
    """Query removed except id, leading /comm removed, host lower-cased, no fragment,
    no trailing slash."""
    m = re.match(r"^([A-Za-z]+)://([^/?#]+)([^?#]*)(\?[^#]*)?(#.*)?$", url)
    scheme, host, path, query = m.group(1), m.group(2).lower(), m.group(3), m.group(4)
    if path.startswith("/comm/"):
        path = path[5:]
    path = path.rstrip("/")
    keep = ""
    if query:
        for kv in query[1:].split("&"):
            if kv.startswith("id="):
                keep = "?" + kv
                break
    return "%s://%s%s%s" % (scheme, host, path, keep)


# ===================================================================== 2. people, strings


class Person:
    def __init__(self, full, first=None, headline=None, vanity=None, location=None, email=None):
        self.full = full
        self.first = first or full.split()[0]
        self.headline = headline
        self.vanity = vanity
        self.location = location
        self.email = email


# The recipients (owners of the mailboxes), one per notification language.
RCPT = {
    "en": Person("Bob Smith", headline="Head of Comms at Acme", email="bob.smith@example.org"),
    "de": Person("Klaus Becker", headline="Leiter Vertrieb bei Globex", email="k.becker@example.org"),
    "fr": Person("Claire Dubois", headline="Directrice marketing chez Initech",
                 email="claire.dubois@example.org"),
    "es": Person("Lucía Fernández", headline="Responsable de comunicación en Acme",
                 email="lucia.fernandez@example.org"),
    "pt": Person("João Pereira", headline="Gerente de projetos na Globex",
                 email="joao.pereira@example.org"),
    "it": Person("Giulia Rossi", headline="Responsabile HR presso Initech",
                 email="giulia.rossi@example.org"),
    "nl": Person("Pieter de Vries", headline="Communicatieadviseur bij Acme",
                 email="pieter.devries@example.org"),
}

# Other people shown in the 2019+ "More people you may know" block (never the inviter).
PYMK = [
    Person("Carlos Ruiz", headline="Data Engineer at Vandelay Industries", vanity="carlos-ruiz-7b1a2c"),
    Person("Mei Tanaka", headline="UX Researcher | Fabrikam", vanity="meitanaka"),
    Person("Ahmed Haddad", headline="Procurement Lead at Northwind Traders", vanity="ahmed-haddad-03"),
    Person("Ingrid Solberg", headline="Product Owner @ Contoso", vanity="ingridsolberg"),
]

# Stock notes (facts §6).  Each era's wording in every language plus the listed variants.
STOCK = {
    "pre2008": {
        "en": "Since you are a person I trust, I wanted to invite you to join my network on LinkedIn.",
        "de": "Da Sie eine Person sind, der ich vertraue, möchte ich Sie einladen, meinem Netzwerk auf LinkedIn beizutreten.",
        "fr": "Comme vous êtes une personne de confiance, je souhaite vous inviter à rejoindre mon réseau sur LinkedIn.",
        "es": "Como eres una persona de confianza, me gustaría invitarte a unirte a mi red en LinkedIn.",
        "pt": "Como você é uma pessoa de confiança, gostaria de convidá-lo a participar da minha rede no LinkedIn.",
        "it": "Poiché sei una persona di cui mi fido, vorrei invitarti a far parte della mia rete su LinkedIn.",
        "nl": "Omdat u iemand bent die ik vertrouw, wil ik u uitnodigen voor mijn netwerk op LinkedIn.",
    },
    "2008": {
        "en": "I'd like to add you to my professional network on LinkedIn.",
        "de": "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
        "fr": "J'aimerais vous inviter à rejoindre mon réseau professionnel en ligne, sur le site LinkedIn.",
        "es": "Me gustaría añadirte a mi red profesional en LinkedIn.",
        "pt": "Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
        "it": "Vorrei aggiungerti alla mia rete professionale su LinkedIn.",
        "nl": "Ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn.",
    },
    "2015": {
        "en": "I'd like to join your LinkedIn network.",
        "de": "Ich würde mich gerne Ihrem LinkedIn-Netzwerk anschließen.",
        "fr": "J'aimerais faire partie de votre réseau LinkedIn.",
        "es": "Me gustaría formar parte de tu red de LinkedIn.",
        "pt": "Gostaria de fazer parte da sua rede no LinkedIn.",
        "it": "Vorrei entrare a far parte della tua rete su LinkedIn.",
        "nl": "Ik wil graag deel uitmaken van je LinkedIn-netwerk.",
    },
    "variant": {
        "en": "I'd like to add you to my LinkedIn network.",
        "de": "Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.",
        "fr": "Je souhaite rejoindre votre réseau LinkedIn.",
        "es": "Me gustaría conectar contigo en LinkedIn.",
        "pt": "Gostaria de me conectar com você no LinkedIn.",
        "it": "Vorrei collegarmi con te su LinkedIn.",
        "nl": "Ik wil graag met je connecten op LinkedIn.",
    },
}
STOCK_TEXTS = {s for era in STOCK.values() for s in era.values()}


def note_kind_of(note):
    if note is None:
        return "none"
    return "generic" if note in STOCK_TEXTS else "personal"


# Localized notification strings.  Only English is (partly) confirmed; the rest are
# invented (marked unverified in the README).
L = {
    "en": dict(
        subj_2008="Join my network on LinkedIn",
        subj_2011="Invitation to connect on LinkedIn",
        subj_2015="{r}, please add me to your LinkedIn network",
        subj_2019="I want to connect",
        requested="{full} requested to add you as a connection on LinkedIn:",
        old_accept="Accept invitation from {full}",
        old_view="View invitation from {full}",
        promo="DID YOU KNOW you can be the first to know when a trusted member of your network "
              "changes jobs? With Network Updates on your LinkedIn home page, you'll be notified "
              "as members of your network change their current position.",
        greet="Hi {r},",
        accept="Accept", view="View profile",
        mutual="{n} connections in common", mutual1="1 connection in common",
        more="More people you may know", connect="Connect",
        app="Get the new LinkedIn desktop app for Windows\nAlso available on mobile",
        receiving="You are receiving Invitation emails.",
        intended="This email was intended for {name} ({headline}).",
        why="Learn why we included this:",
        unsub="Unsubscribe", help="Help",
        legal="LinkedIn and the LinkedIn logo are registered trademarks of LinkedIn.",
    ),
    "de": dict(
        subj_2008="Treten Sie meinem Netzwerk auf LinkedIn bei",
        subj_2011="Einladung, sich auf LinkedIn zu vernetzen",
        subj_2015="{r}, bitte fügen Sie mich zu Ihrem LinkedIn-Netzwerk hinzu",
        subj_2019="Ich möchte mich mit Ihnen vernetzen",
        requested="{full} möchte Sie als Kontakt auf LinkedIn hinzufügen:",
        old_accept="Einladung von {full} annehmen",
        old_view="Einladung von {full} anzeigen",
        promo="WUSSTEN SIE SCHON, dass Sie als Erster erfahren, wenn ein Kontakt aus Ihrem "
              "Netzwerk die Stelle wechselt? Die Netzwerk-Updates auf Ihrer Startseite halten "
              "Sie auf dem Laufenden.",
        greet="Hallo {r},",
        accept="Annehmen", view="Profil anzeigen",
        mutual="{n} gemeinsame Kontakte", mutual1="1 gemeinsamer Kontakt",
        more="Weitere Personen, die Sie kennen könnten", connect="Vernetzen",
        app="Holen Sie sich die neue LinkedIn Desktop-App für Windows\nAuch für Mobilgeräte verfügbar",
        receiving="Sie erhalten E-Mails zu Einladungen.",
        intended="Diese E-Mail ist für {name} ({headline}) bestimmt.",
        why="Hier erfahren Sie, warum dies angezeigt wird:",
        unsub="Abbestellen", help="Hilfe",
        legal="LinkedIn und das LinkedIn Logo sind eingetragene Marken von LinkedIn.",
    ),
    "fr": dict(
        subj_2008="Rejoignez mon réseau sur LinkedIn",
        subj_2011="Invitation à se connecter sur LinkedIn",
        subj_2015="{r}, ajoutez-moi à votre réseau LinkedIn",
        subj_2019="Je souhaite me connecter avec vous",
        requested="{full} souhaite vous ajouter à son réseau sur LinkedIn :",
        old_accept="Accepter l'invitation de {full}",
        old_view="Voir l'invitation de {full}",
        promo="LE SAVIEZ-VOUS ? Les actualités du réseau sur votre page d'accueil LinkedIn vous "
              "indiquent quand un membre de votre réseau change de poste.",
        greet="Bonjour {r},",
        accept="Accepter", view="Voir le profil",
        mutual="{n} relations en commun", mutual1="1 relation en commun",
        more="Autres personnes que vous pourriez connaître", connect="Se connecter",
        app="Téléchargez la nouvelle application LinkedIn pour Windows\nÉgalement disponible sur mobile",
        receiving="Vous recevez des e-mails d'invitation.",
        intended="Cet e-mail est destiné à {name} ({headline}).",
        why="Découvrez pourquoi nous avons inclus ceci :",
        unsub="Se désabonner", help="Aide",
        legal="LinkedIn et le logo LinkedIn sont des marques déposées de LinkedIn.",
    ),
    "es": dict(
        subj_2008="Únete a mi red en LinkedIn",
        subj_2011="Invitación para conectarse en LinkedIn",
        subj_2015="{r}, agrégame a tu red de LinkedIn",
        subj_2019="Quiero conectar contigo",
        requested="{full} quiere añadirte como contacto en LinkedIn:",
        old_accept="Aceptar la invitación de {full}",
        old_view="Ver la invitación de {full}",
        promo="¿SABÍAS QUE puedes ser el primero en enterarte cuando un contacto de confianza "
              "cambia de trabajo? Consulta las actualizaciones de tu red en tu página de inicio.",
        greet="Hola {r},",
        accept="Aceptar", view="Ver perfil",
        mutual="{n} contactos en común", mutual1="1 contacto en común",
        more="Más personas que quizás conozcas", connect="Conectar",
        app="Descarga la nueva aplicación de LinkedIn para Windows\nTambién disponible para móviles",
        receiving="Estás recibiendo correos electrónicos de invitaciones.",
        intended="Este correo electrónico está dirigido a {name} ({headline}).",
        why="Descubre por qué hemos incluido esto:",
        unsub="Cancelar suscripción", help="Ayuda",
        legal="LinkedIn y el logotipo de LinkedIn son marcas registradas de LinkedIn.",
    ),
    "pt": dict(
        subj_2008="Participe da minha rede no LinkedIn",
        subj_2011="Convite para se conectar no LinkedIn",
        subj_2015="{r}, adicione-me à sua rede do LinkedIn",
        subj_2019="Quero me conectar com você",
        requested="{full} deseja adicioná-lo como conexão no LinkedIn:",
        old_accept="Aceitar o convite de {full}",
        old_view="Ver o convite de {full}",
        promo="VOCÊ SABIA que pode ser o primeiro a saber quando alguém da sua rede muda de "
              "emprego? Veja as atualizações da rede na sua página inicial.",
        greet="Olá {r},",
        accept="Aceitar", view="Ver perfil",
        mutual="{n} conexões em comum", mutual1="1 conexão em comum",
        more="Mais pessoas que você talvez conheça", connect="Conectar",
        app="Baixe o novo aplicativo do LinkedIn para Windows\nTambém disponível para celular",
        receiving="Você está recebendo e-mails de convites.",
        intended="Este e-mail foi enviado para {name} ({headline}).",
        why="Saiba por que incluímos isto:",
        unsub="Cancelar inscrição", help="Ajuda",
        legal="LinkedIn e o logotipo do LinkedIn são marcas registradas do LinkedIn.",
    ),
    "it": dict(
        subj_2008="Unisciti alla mia rete su LinkedIn",
        subj_2011="Invito a collegarsi su LinkedIn",
        subj_2015="{r}, aggiungimi alla tua rete su LinkedIn",
        subj_2019="Voglio collegarmi",
        requested="{full} vuole aggiungerti come collegamento su LinkedIn:",
        old_accept="Accetta l'invito di {full}",
        old_view="Visualizza l'invito di {full}",
        promo="LO SAPEVI? Con gli aggiornamenti della rete sulla tua home page di LinkedIn sei il "
              "primo a sapere quando un collegamento cambia lavoro.",
        greet="Ciao {r},",
        accept="Accetta", view="Visualizza profilo",
        mutual="{n} collegamenti in comune", mutual1="1 collegamento in comune",
        more="Altre persone che potresti conoscere", connect="Collegati",
        app="Scarica la nuova app desktop di LinkedIn per Windows\nDisponibile anche su dispositivi mobili",
        receiving="Ricevi email di invito.",
        intended="Questa email è destinata a {name} ({headline}).",
        why="Scopri perché lo abbiamo incluso:",
        unsub="Annulla iscrizione", help="Guida",
        legal="LinkedIn e il logo LinkedIn sono marchi registrati di LinkedIn.",
    ),
    "nl": dict(
        subj_2008="Word lid van mijn netwerk op LinkedIn",
        subj_2011="Uitnodiging om te connecten op LinkedIn",
        subj_2015="{r}, voeg me toe aan je LinkedIn-netwerk",
        subj_2019="Ik wil graag met je connecten",
        requested="{full} wil je als connectie toevoegen op LinkedIn:",
        old_accept="Uitnodiging van {full} accepteren",
        old_view="Uitnodiging van {full} bekijken",
        promo="WIST U DAT u als eerste weet wanneer iemand uit uw netwerk van baan verandert? "
              "Bekijk de netwerkupdates op uw LinkedIn-startpagina.",
        greet="Hallo {r},",
        accept="Accepteren", view="Profiel bekijken",
        mutual="{n} gemeenschappelijke connecties", mutual1="1 gemeenschappelijke connectie",
        more="Meer mensen die u misschien kent", connect="Connectie maken",
        app="Download de nieuwe LinkedIn-desktopapp voor Windows\nOok beschikbaar voor mobiel",
        receiving="U ontvangt e-mails met uitnodigingen.",
        intended="Deze e-mail is bedoeld voor {name} ({headline}).",
        why="Lees waarom we dit hebben opgenomen:",
        unsub="Afmelden", help="Help",
        legal="LinkedIn en het LinkedIn-logo zijn gedeponeerde handelsmerken van LinkedIn.",
    ),
}

# Claimed-relationship lines of the 2008–13 format (facts §5; wording partly unverified,
# non-English wording invented).  The org is never followed by punctuation that belongs
# to it: a trailing ':' is punctuation of the line.
CLAIM = {
    "en": {
        "colleague": "{full} has indicated you are a Colleague at {org}",
        "classmate": "{full} has indicated you are a Classmate at {org}",
        "friend": "{full} has indicated you are a Friend",
        "business": "{full} has indicated you have done business together at {org}",
        "group": "{full} has indicated you are a fellow group member of {org}:",
        "other": "{full} has indicated you know each other (Other)",
    },
    "de": {"classmate": "{full} hat angegeben, dass Sie zusammen an der {org} studiert haben."},
    "fr": {"colleague": "{full} a indiqué que vous êtes collègues chez {org}."},
}

# Footer of 2014+ mail.
COPY_2014 = "© {y} LinkedIn Corporation, 2029 Stierlin Court, Mountain View CA 94043."
COPY_2019 = "© {y} LinkedIn Corporation, 1000 West Maude Avenue, Sunnyvale, CA 94085."
COPY_EU = "© {y} LinkedIn Ireland Unlimited Company, Wilton Plaza, Wilton Place, Dublin 2."


# ===================================================================== 3. builders


class Case:
    """One message: an ordered header list, a body, the expectation, and the links the
    builder put on the Accept / View-profile lines (used by the self-check)."""

    def __init__(self, headers, body, expect, links=None, raw=None):
        self.headers = [list(h) for h in headers]
        self.body = body
        self.expect = expect
        self.links = links or {}
        self._raw = raw

    def raw(self):
        return self._raw if self._raw is not None else assemble(self.headers, self.body)

    def _idx(self, name):
        for i, (n, _) in enumerate(self.headers):
            if n.lower() == name.lower():
                return i
        return None

    def set(self, name, value):
        i = self._idx(name)
        if i is None:
            self.headers.append([name, value])
        else:
            self.headers[i][1] = value
        return self

    def drop(self, name):
        self.headers = [h for h in self.headers if h[0].lower() != name.lower()]
        return self

    def insert(self, name, value, before=None):
        i = self._idx(before) if before else 0
        self.headers.insert(i if i is not None else 0, [name, value])
        return self


def expectation(kind, authentic=None, name=None, headline=None, profile_url=None, email=None,
                note=None, note_kind=None, claim=None, claim_org=None, mutual=None, language=None):
    return {
        "kind": kind,
        "authentic": authentic,
        "inviter": {"name": name, "headline": headline, "profile_url": profile_url, "email": email},
        "note": collapse(note),
        "note_kind": note_kind,
        "claim": claim,
        "claim_org": claim_org,
        "mutual": mutual,
        "language": language,
        "verdict": None,
        "reasons": [],
        "actions": [],
    }


def exp_none():
    return expectation("none")


def exp_linkedin(authentic=True):
    return expectation("notification", authentic)


# ---- envelope of genuine LinkedIn mail -------------------------------------------


def bounce_addr(tok, style="s"):
    if style == "mbr":
        return "mbr+%s@bounce.linkedin.com" % tok.B36(24)
    return "%s-%s@bounce.linkedin.com" % (style, tok.b36(60))


def received_linkedin(tok, t, rcpt_addr):
    host = "mail%s-%s.linkedin.com" % (tok.pick("abcd", 1), tok.pick("abcdefgh", 2))
    ip = "108.174.%d.%d" % (tok.num(0, 6), tok.num(10, 250))
    return ("from %s (%s [%s])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s"
            % (host, host, ip, MX, tok.pick("0123456789ABCDEF", 11), rcpt_addr,
               rfc_date(t + dt.timedelta(seconds=2))))


def ar_pass(tok):
    return ("%s;\n\tdkim=pass (2048-bit key) header.d=linkedin.com header.i=@linkedin.com "
            "header.b=\"%s\";\n\tdkim=pass (2048-bit key) header.d=maila.linkedin.com "
            "header.i=@maila.linkedin.com header.b=\"%s\";\n\tspf=pass (%s: domain of "
            "bounce.linkedin.com designates 108.174.0.%d as permitted sender) "
            "smtp.mailfrom=bounce.linkedin.com;\n\tdmarc=pass (p=REJECT sp=REJECT dis=NONE) "
            "header.from=linkedin.com" % (MX, tok.urlsafe(8), tok.urlsafe(8), MX, tok.num(10, 250)))


def ar_fail():
    return ("%s;\n\tdkim=fail (signature verification failed) header.d=linkedin.com "
            "header.i=@linkedin.com;\n\tspf=softfail smtp.mailfrom=bounce.linkedin.com;\n\t"
            "dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=linkedin.com" % MX)


def stamp(ar, qid):
    """Our A-R as a verifier that stamps (AuthservIDWithJobID) writes it: "mx.example.org/QID;"."""
    return MX + "/" + qid + ar[len(MX):] if qid and ar.startswith(MX + ";") else ar


def envelope(tok, t, rcpt, return_path, ar=(), received=True):
    """What a file delivered by Postfix starts with: local delivery's trace, the verifier's A-R
    (a milter before us; Postfix puts the header it inserts at the top above its own Received,
    tests/e2e/testmode-same.sh shows it), then our Received, whose queue id the A-R carries."""
    hs = [("Return-Path", "<%s>" % return_path), ("Delivered-To", rcpt.email)]
    rec = received_linkedin(tok, t, rcpt.email) if received else None
    qid = re.search(r"\bid (\w+)", rec).group(1) if rec else None
    for a in ar:
        hs.append(("Authentication-Results", stamp(a, qid)))
    if rec:
        hs.append(("Received", rec))
    return hs


def our_ar(case, value):
    """Add an A-R of our verifier where Postfix puts it: above our Received, stamped with its id."""
    i = case._idx("Received")
    qid = re.search(r"\bid (\w+)", case.headers[i][1]).group(1) if i is not None else None
    case.headers.insert(i if i is not None else 0, ["Authentication-Results", stamp(value, qid)])
    return case


def mid_old(tok, ms):
    return "<%s.%s.%d.JavaMail.app@ela4-bed%d.prod>" % (tok.digits(10), tok.digits(8), ms, tok.num(10, 99))


def mid_2016(tok, ms):
    return "<%s.%s.%d.JavaMail.app@lva1-app%d.prod.linkedin.com>" % (
        tok.digits(10), tok.digits(7), ms, tok.num(1000, 9999))


def mid_2024(tok, ms):
    return "<%s.%s.%d@%s-app%d.prod.linkedin.com>" % (
        tok.digits(10), tok.digits(8), ms, tok.r.choice(["lva1", "ltx1"]), tok.num(1000, 9999))


def note_block(note, greet_line=None, sign_line=None, sep="\n\n"):
    """The note as it appears in the mail: greeting line, text, '- First' line."""
    if note is None:
        return None
    parts = [p for p in (greet_line, note, sign_line) if p]
    return sep.join(parts)


# ---- pre-2008: From is the inviter's own address (unverified) ------------------


PRE2008 = {   # invented wording of the pre-2008 body (unverified): intro, link line, outro
    "en": ("{full} ({email}) has invited you to connect on LinkedIn.",
           "To accept this invitation from {full}, follow the link below:",
           "Every day, more people join LinkedIn to find and contact the people they need to reach "
           "their professional goals."),
    "de": ("{full} ({email}) hat Sie eingeladen, sich auf LinkedIn zu vernetzen.",
           "Um diese Einladung von {full} anzunehmen, folgen Sie diesem Link:",
           "Jeden Tag treten mehr Menschen LinkedIn bei, um die richtigen Kontakte für ihre beruflichen "
           "Ziele zu finden."),
    "fr": ("{full} ({email}) vous invite à vous connecter sur LinkedIn.",
           "Pour accepter cette invitation de {full}, suivez ce lien :",
           "Chaque jour, de plus en plus de personnes rejoignent LinkedIn pour trouver les contacts dont "
           "elles ont besoin."),
    "es": ("{full} ({email}) te ha invitado a conectar en LinkedIn.",
           "Para aceptar esta invitación de {full}, sigue este enlace:",
           "Cada día más personas se unen a LinkedIn para encontrar a los contactos que necesitan."),
    "pt": ("{full} ({email}) convidou você para se conectar no LinkedIn.",
           "Para aceitar este convite de {full}, acesse o link abaixo:",
           "Todos os dias, mais pessoas entram no LinkedIn para encontrar os contatos de que precisam."),
    "it": ("{full} ({email}) ti ha invitato a collegarti su LinkedIn.",
           "Per accettare questo invito di {full}, segui il link:",
           "Ogni giorno sempre più persone si iscrivono a LinkedIn per trovare i contatti di cui hanno bisogno."),
    "nl": ("{full} ({email}) heeft u uitgenodigd om te connecten op LinkedIn.",
           "Volg deze link om de uitnodiging van {full} te accepteren:",
           "Elke dag sluiten meer mensen zich aan bij LinkedIn om de juiste contacten te vinden."),
}


def inv_pre2008(slug, lang, t, inv, note, sign=True, charset="UTF-8", cte="7bit"):
    tok = Tok(slug)
    rcpt = RCPT[lang]
    block = note_block(note, "%s," % rcpt.first, "- %s" % inv.first if sign else None)
    accept = "http://www.linkedin.com/e/isd/%d/%s/EML-inv_17/" % (tok.num(100000, 999999), tok.alnum(8))
    intro, follow, outro = (x.format(full=inv.full, email=inv.email) for x in PRE2008[lang])
    text = "\n".join([block, "", "_" * 51, "", intro, "", follow, accept, "", outro, "",
                      "-" * 45, "(c) %d, LinkedIn Corporation" % t.year])
    hs = envelope(tok, t, rcpt, bounce_addr(tok, "mbr")) + [
        ("Date", rfc_date(t, "-0700 (PDT)", -7) if 4 <= t.month <= 10 else rfc_date(t, "-0800 (PST)", -8)),
        ("From", address(inv.full, inv.email, "Q", charset)),
        ("Sender", "LinkedIn Communication <invitations@linkedin.com>"),
        ("To", address(rcpt.full, rcpt.email, "Q", charset)),
        ("Message-ID", "<%s.%s.JavaMail.app@app%d.prod>" % (tok.digits(9), tok.digits(13), tok.num(1, 20))),
        ("Subject", enc_header(L[lang]["subj_2008"], "Q", charset)),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=%s" % charset),
        ("Content-Transfer-Encoding", cte),
    ]
    exp = expectation("invitation", True, name=inv.full, email=inv.email, note=note,
                      note_kind=note_kind_of(note), language=lang)
    return Case(hs, encode_body(text, charset, cte), exp, {"accept": accept})


# ---- 2008–2013: "<Full> via LinkedIn <member@linkedin.com>" (confirmed 2011–12) -----


def links_old(tok, year, host="www.linkedin.com", scheme="http"):
    eid = tok.lid()
    inv = tok.digits(10)
    base = "%s://%s/e/%s/%s/blk/I%s_55/" % (scheme, host, eid, tok.b36(5), inv)
    accept = base + tok.alnum(88) + "/EML_comm_afe/"
    if year >= 2012:
        accept += "?hs=false&tok=%s" % tok.urlsafe(38)
    view = base + tok.alnum(100) + "/svi/"
    promo = "%s://%s/e/%s/%s/hpu/%s/EML_comm_hpu/" % (scheme, host, eid, tok.b36(5), tok.alnum(40))
    return accept, view, promo


def html_old(lang, inv, rcpt, block, claim_line, accept, view, year, charset="UTF-8"):
    s = L[lang]
    rows = ['<tr><td style="background:#333;padding:6px 10px"><img src="http://static.licdn.com/'
            'scds/common/u/img/logos/logo_linkedin_92x22.png" width="92" height="22" alt="LinkedIn"'
            ' border="0"></td></tr>',
            '<tr><td style="padding:14px 0;font-size:13px">%s</td></tr>'
            % esc(s["requested"].format(full=inv.full))]
    if claim_line:
        rows.append('<tr><td style="padding:6px 0;color:#666">%s</td></tr>' % esc(claim_line))
    if block:
        rows.append('<tr><td style="padding:8px 0"><p>%s</p></td></tr>'
                    % "</p><p>".join(esc_lines(p) for p in block.split("\n\n")))
    rows.append('<tr><td style="padding:10px 0"><a href="%s" style="background:#0073b1;color:#fff;'
                'padding:5px 10px;text-decoration:none">%s</a></td></tr>'
                % (esc(accept), esc(s["old_accept"].format(full=inv.full))))
    rows.append('<tr><td><a href="%s">%s</a></td></tr>' % (esc(view), esc(s["old_view"].format(full=inv.full))))
    rows.append('<tr><td style="padding-top:16px;font-size:11px;color:#999">%s<br>&copy; %d, '
                'LinkedIn Corporation</td></tr>' % (esc(s["promo"]), year))
    return (('<html><head><meta http-equiv="Content-Type" content="text/html; charset=%s">'
             '<title>LinkedIn</title></head>\n<body style="font-family:Arial,sans-serif;'
             'font-size:12px;color:#333">\n<table width="550" cellpadding="0" cellspacing="0" '
             'border="0">\n' % charset) + "\n".join(rows) + "\n</table>\n</body></html>\n")


def inv_old(slug, lang, t, inv, note, claim=None, claim_org=None, greet=True, sign=True,
            subject=None, charset="UTF-8", cte="8bit", with_html=True, from_hdr=None,
            name_enc="Q", subj_enc="Q", subj_fold=False, link_host="www.linkedin.com",
            return_path=None, ar=(), classic_headers=True):
    tok = Tok(slug)
    rcpt = RCPT[lang]
    s = L[lang]
    ms = epoch_ms(t, tok)
    accept, view, promo_link = links_old(tok, t.year, host=link_host)
    claim_line = CLAIM[lang][claim].format(full=inv.full, org=claim_org) if claim else None
    block = note_block(note, "%s," % rcpt.first if greet else None,
                       "- %s" % inv.first if sign else None)
    lines = ["LinkedIn", "------------", "", "",
             "     " + s["requested"].format(full=inv.full), "",
             "-" * 42, ""]
    if claim_line:
        lines += [claim_line, ""]
    if block:
        lines += [block, ""]
    lines += [s["old_accept"].format(full=inv.full), accept, "",
              s["old_view"].format(full=inv.full), view, "",
              "-" * 42, "", s["promo"], promo_link, "", "-- ",
              "(c) %d, LinkedIn Corporation" % t.year]
    text = "\n".join(lines)
    if subject is None:
        subject = s["subj_2008"] if t.year <= 2010 else s["subj_2011"]
    boundary = linkedin_boundary(tok, ms)
    parts = [leaf("text/plain", text, charset, cte)]
    if with_html:
        parts.append(leaf("text/html", html_old(lang, inv, rcpt, block, claim_line, accept, view, t.year, charset),
                          charset, cte))
    body = multipart(boundary, parts)
    ctype = ct_multipart("alternative", boundary)
    if not with_html:
        body = parts[0].split(b"\n\n", 1)[1]
    hs = envelope(tok, t, rcpt, return_path or bounce_addr(tok, "mbr" if t.year <= 2010 else "s"), ar)
    hs += [
        ("Date", rfc_date(t)),
        ("Sender", "messages-noreply@bounce.linkedin.com"),
        ("From", from_hdr or address("%s via LinkedIn" % inv.full, "member@linkedin.com", name_enc)),
        ("To", address(rcpt.full, rcpt.email, "Q")),
        ("Message-ID", mid_old(tok, ms)),
        ("Subject", enc_header(subject, subj_enc, "UTF-8", subj_fold, 40 if subj_fold else 75)),
        ("MIME-Version", "1.0"),
    ]
    if with_html:
        hs.append(("Content-Type", ctype))
    else:
        hs += [("Content-Type", "text/plain; charset=%s" % charset), ("Content-Transfer-Encoding", cte)]
    if classic_headers and t.year >= 2011:
        hs += [("X-LinkedIn-Template", "invite_member_%02d" % tok.num(10, 60)),
               ("X-LinkedIn-Class", "INVITE-MBR"),
               ("X-LinkedIn-fbl", "s-%s-%s-%s" % (tok.B36(28), tok.B36(4), tok.digits(6)))]
    exp = expectation("invitation", True, name=inv.full, note=note, note_kind=note_kind_of(note),
                      claim=claim, claim_org=claim_org if claim not in ("friend", "other") else None,
                      language=lang)
    return Case(hs, body, exp, {"accept": accept})


# ---- 2014–2018: "<Full> <invitations@linkedin.com>" (confirmed 2016) -------------------

TPL = "email_m2m_invite_single_01"


def track(tpl, where, tok, lid):
    return ("trk=eml-%s-%s&trkEmail=eml-%s-%s-null-%s&lipi=urn%%3Ali%%3Apage%%3Aemail_%s%%3B%s%%3D%%3D"
            % (tpl, where, tpl, where, lid.replace("-", "~"), tpl, tok.urlsafe(22)))


def links_2016(tok, lid, host="www.linkedin.com", tpl=TPL):
    pid = "AAsAA" + tok.urlsafe(34)
    invid = tok.digits(19, "6")
    mid = "AQ" + tok.urlsafe(16)
    profile = ("https://%s/comm/profile/view?id=%s&authType=name&authToken=%s&invAcpt=%s_I%s_500"
               "&midToken=%s&%s" % (host, pid, tok.alnum(4), tok.digits(7), invid, mid,
                                    track(tpl, "hero-1-prof~photo", tok, lid)))
    accept = ("https://%s/comm/people/invite-accept?mboxid=I%s_500&sharedKey=%s&fr=false"
              "&invitationId=%s&fe=true&midToken=%s&%s"
              % (host, invid, tok.urlsafe(8), invid, mid, track(tpl, "hero-0-accept~cta", tok, lid)))
    unsub = ("https://www.linkedin.com/e/v2?e=%s&t=lun&midToken=%s&ek=%s&li=%d&m=unsub&ts=unsub"
             "&loid=%s&eid=%s" % (lid, mid, tpl, tok.num(1, 30), "AQ" + tok.urlsafe(20), lid))
    helpu = ("https://www.linkedin.com/e/v2?e=%s&a=customerServiceUrl&midToken=%s&ek=%s&li=%d"
             "&m=footer&ts=help&articleId=67" % (lid, mid, tpl, tok.num(1, 30)))
    why = ("https://www.linkedin.com/e/v2?e=%s&a=customerServiceUrl&midToken=%s&ek=%s"
           "&articleId=4788" % (lid, mid, tpl))
    photo = "https://media.licdn.com/mpr/mpr/shrinknp_100_100/AAEAAQAAAAAAAA%s.jpg" % tok.alnum(22)
    pixel = "https://www.linkedin.com/emimp/ip_%s.gif" % base64.b64encode(
        ("%s:%s:" % (lid, tpl)).encode()).decode()
    return dict(profile=profile, accept=accept, unsub=unsub, help=helpu, why=why, photo=photo,
                pixel=pixel, home="https://www.linkedin.com/comm/nhome/?%s" % track(tpl, "header-0-home~logo", tok, lid),
                pid=pid)


def html_2016(lang, inv, rcpt, greet_line, note, sign_line, ln, year, style=None):
    """512-px XHTML table layout with the hidden preheader repeating the note."""
    s = L[lang]
    e = esc if style is None else (lambda x: ent(x, style))
    pre = " ".join(p for p in (greet_line, note, sign_line) if p) if note else \
        "%s %s" % (inv.full, inv.headline or "")
    paras = ""
    if note:
        if greet_line:
            paras += '<p style="margin:0 0 12px;color:#333">%s</p>\n' % e(greet_line)
        paras += '<p style="margin:0;color:#333">%s</p>\n' % "<br/>".join(e(x) for x in note.split("\n"))
        if sign_line:
            paras += '<p style="margin:12px 0 0;color:#333">%s</p>\n' % e(sign_line)
    foot = COPY_2014.format(y=year) if lang == "en" else COPY_EU.format(y=year)
    return """<html xmlns="http://www.w3.org/1999/xhtml" lang="%(lang)s" xml:lang="%(lang)s"><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/><meta name="viewport" content="width=device-width"/><title></title></head>
<body style="padding:0;margin:0 auto;-webkit-text-size-adjust:100%%;width:100%% !important;-ms-text-size-adjust:100%%;font-family:Helvetica,Arial,sans-serif">
<div style="overflow:hidden;color:transparent;visibility:hidden;mso-hide:all;width:0;font-size:0;opacity:0;height:0;max-height:0">%(pre)s</div>
<table role="presentation" align="center" border="0" cellspacing="0" cellpadding="0" width="512" bgcolor="#EDF0F3" style="background-color:#EDF0F3;table-layout:fixed">
<tr><td style="padding:16px 24px"><a href="%(home)s"><img src="https://static.licdn.com/scds/common/u/images/email/phoenix/logos/logo_phoenix_header_blue_78x66_v1.png" alt="LinkedIn" width="34" height="34" border="0" style="display:block"/></a></td></tr>
<tr><td bgcolor="#FFFFFF" style="padding:24px;font-size:16px;line-height:24px">
%(paras)s<table role="presentation" border="0" cellspacing="0" cellpadding="0" width="100%%" style="margin-top:24px"><tr>
<td width="64" valign="top"><a href="%(profile)s"><img src="%(photo)s" alt="%(name)s" width="64" height="64" style="border-radius:50%%;display:block"/></a></td>
<td style="padding-left:16px" valign="top"><a href="%(profile)s" style="color:#262626;font-weight:bold;text-decoration:none;font-size:18px">%(name)s</a>
<p style="margin:0;color:#737373;font-size:14px">%(headline)s</p>
<p style="margin:0;color:#737373;font-size:14px">%(location)s</p></td></tr></table>
<table role="presentation" border="0" cellspacing="0" cellpadding="0" style="margin-top:24px"><tr>
<td bgcolor="#008CC9" style="border-radius:2px;padding:6px 16px"><a href="%(accept)s" style="color:#FFFFFF;text-decoration:none;font-weight:bold">%(accept_w)s</a></td>
<td style="padding-left:16px"><a href="%(profile)s" style="color:#008CC9;text-decoration:none">%(view_w)s</a></td></tr></table>
</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#737373;line-height:16px">%(receiving)s <a href="%(unsub)s" style="color:#737373">%(unsub_w)s</a> &middot; <a href="%(help)s" style="color:#737373">%(help_w)s</a><br/>
%(intended)s <a href="%(why)s" style="color:#737373">%(why_w)s</a><br/>
%(foot)s %(legal)s</td></tr>
</table>
<img src="%(pixel)s" width="1" height="1" style="display:block;border:0" alt=""/>
</body></html>
""" % dict(lang=lang, pre=e(pre), home=esc(ln["home"]), paras=paras, profile=esc(ln["profile"]),
           photo=esc(ln["photo"]), name=e(inv.full), headline=e(inv.headline or ""),
           location=e(inv.location or ""), accept=esc(ln["accept"]), accept_w=e(s["accept"]),
           view_w=e(s["view"]), receiving=e(s["receiving"]), unsub=esc(ln["unsub"]),
           unsub_w=e(s["unsub"]), help=esc(ln["help"]), help_w=e(s["help"]),
           intended=e(s["intended"].format(name=rcpt.full, headline=rcpt.headline)),
           why=esc(ln["why"]), why_w=e(s["why"].rstrip(" :")), foot=e(foot), legal=e(s["legal"]),
           pixel=esc(ln["pixel"]))


def li_headers_2016(tok, t, ms, from_hdr, subject, rcpt, ctype, klass, tpl, lid, unsub,
                    mid=mid_2016, post=False):
    """LinkedIn's own header block in the confirmed 2017+ order."""
    hs = [("From", from_hdr), ("Message-ID", mid(tok, ms)), ("Subject", subject),
          ("MIME-Version", "1.0"), ("Content-Type", ctype), ("To", address(rcpt.full, rcpt.email, "Q")),
          ("Date", rfc_date(t))]
    if klass:
        hs.append(("X-LinkedIn-Class", klass))
    hs += [("X-LinkedIn-Template", tpl), ("X-LinkedIn-fbl", "m2-" + tok.b36(72)),
           ("X-LinkedIn-Id", lid),
           ("List-Unsubscribe", "<%s>" % unsub)]
    if post:
        hs.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
    hs += [("Feedback-ID", "%s:linkedin" % tpl),
           ("Require-Recipient-Valid-Since", "%s; %s" % (rcpt.email, rfc_date(t - dt.timedelta(days=400))))]
    return hs


def inv_2016(slug, lang, t, inv, note, greet=True, sign=False, variant="qp", subject=None,
             from_hdr=None, name_enc="Q", subj_enc="Q", subj_fold=False, link_host="www.linkedin.com",
             return_path=None, ar=(), klass="INVITE-MBR", entity_style="named", received=True,
             body_name=None, blank_after_headline=False):
    """variant: qp (text+html, QP), base64 (text+html, base64), html-only.
    body_name: the name as the text part writes it (real 2016 mail: capitals);
    blank_after_headline: a blank line before "View profile" (real 2016 mail)."""
    tok = Tok(slug)
    rcpt = RCPT[lang]
    s = L[lang]
    ms = epoch_ms(t, tok)
    lid = tok.lid()
    ln = links_2016(tok, lid, host=link_host)
    greet_line = s["greet"].format(r=rcpt.first) if (note and greet) else None
    sign_line = "- %s" % inv.first if (note and sign) else None
    block = note_block(note, greet_line, sign_line)
    foot = COPY_2014.format(y=t.year) if lang == "en" else COPY_EU.format(y=t.year)
    lines = []
    if block:
        lines += [block, ""]
    lines += [body_name or inv.full, inv.headline] + ([""] if blank_after_headline else [])
    lines += ["%s: %s" % (s["view"], ln["profile"]), "",
              "%s: %s" % (s["accept"], ln["accept"]), "", "." * 37, "",
              "%s: %s" % (s["unsub"], ln["unsub"]), "%s: %s" % (s["help"], ln["help"]), "",
              s["receiving"], "", s["intended"].format(name=rcpt.full, headline=rcpt.headline),
              "%s %s" % (s["why"], ln["why"]), "%s %s" % (foot, s["legal"])]
    text = "\n".join(lines)
    boundary = linkedin_boundary(tok, ms)
    cte = "base64" if variant == "base64" else "quoted-printable"
    parts = []
    if variant != "html-only":
        parts.append(leaf("text/plain", text, "UTF-8", cte, compact=True,
                          extra=[("Content-ID", "text-body")]))
    style = entity_style if variant == "html-only" else None
    parts.append(leaf("text/html", html_2016(lang, inv, rcpt, greet_line, note, sign_line, ln, t.year, style),
                      "UTF-8", cte, compact=True, extra=[("Content-ID", "html-body")]))
    body = multipart(boundary, parts)
    if subject is None:
        subject = s["subj_2015"].format(r=rcpt.first)
    hs = envelope(tok, t, rcpt, return_path or bounce_addr(tok), ar, received)
    hs += li_headers_2016(tok, t, ms, from_hdr or address(inv.full, "invitations@linkedin.com", name_enc),
                          enc_header(subject, subj_enc, "UTF-8", subj_fold, 40 if subj_fold else 75),
                          rcpt, ct_multipart("alternative", boundary), klass, TPL, lid, ln["unsub"])
    exp = expectation("invitation", True, name=collapse(inv.full), headline=inv.headline,
                      profile_url=normalize_profile_url(ln["profile"]), note=note,
                      note_kind=note_kind_of(note), language=lang)
    return Case(hs, body, exp, {"accept": ln["accept"], "profile": ln["profile"]})


# ---- 2019–today: name, headline, location, mutuals, PYMK block (likely) -----------------


def links_2019(tok, lid, vanity, host="www.linkedin.com", tpl=TPL):
    invid = tok.digits(19, "7")
    mid = "AQ" + tok.urlsafe(16)
    sig = tok.urlsafe(27)
    accept = ("https://%s/comm/mynetwork/invite-accept/invitationId/%s/sharedKey/%s/?midToken=%s"
              "&midSig=%s&%s" % (host, invid, tok.urlsafe(8), mid, sig,
                                 track(tpl, "header-0-accept~cta", tok, lid)))
    profile = ("https://%s/comm/in/%s?midToken=%s&midSig=%s&%s"
               % (host, vanity, mid, sig, track(tpl, "header-22-profile~photo", tok, lid)))
    unsub = ("https://www.linkedin.com/comm/psettings/email-unsubscribe?lipi=urn%%3Ali%%3Apage"
             "%%3Aemail_%s%%3B%s%%3D%%3D&midToken=%s&midSig=%s&loid=%s"
             % (tpl, tok.urlsafe(22), mid, sig, "AQ" + tok.urlsafe(20)))
    helpu = ("https://www.linkedin.com/help/linkedin/answer/67?lang=en&%s"
             % track(tpl, "SecurityHelp-0-textfooterglimmer", tok, lid))
    why = ("https://www.linkedin.com/help/linkedin/answer/4788?lang=en&%s"
           % track(tpl, "SecurityHelp-0-textfooterglimmer", tok, lid))
    photo = ("https://media.licdn.com/dms/image/C4E03AQ%s/profile-displayphoto-shrink_100_100/0/"
             "%d?e=%d&v=beta&t=%s" % (tok.urlsafe(14), tok.num(10 ** 12, 2 * 10 ** 12),
                                      tok.num(1600000000, 1800000000), tok.urlsafe(43)))
    pixel = "https://www.linkedin.com/emimp/ip_%s.gif" % base64.b64encode(
        ("%s:%s:" % (lid, tpl)).encode()).decode()
    pymk = []
    for i, p in enumerate(PYMK, 1):
        pymk.append(dict(person=p,
                         connect="https://www.linkedin.com/comm/mynetwork/send-invite/%s?midToken=%s"
                                 "&trk=eml-%s-pymk-%d-connect~cta" % (p.vanity, mid, tpl, i),
                         profile="https://www.linkedin.com/comm/in/%s?midToken=%s&trk=eml-%s-pymk-%d-profile~photo"
                                 % (p.vanity, mid, tpl, i)))
    return dict(accept=accept, profile=profile, unsub=unsub, help=helpu, why=why, photo=photo,
                pixel=pixel, pymk=pymk,
                home="https://www.linkedin.com/comm/feed/?%s" % track(tpl, "header-0-home~logo", tok, lid))


def mutual_line(lang, n):
    if n is None:
        return None
    s = L[lang]
    return s["mutual1"] if n == 1 else s["mutual"].format(n=n)


def html_2019(lang, inv, rcpt, block, mutual, ln, year, pymk_count, style=None):
    s = L[lang]
    e = esc if style is None else (lambda x: ent(x, style))
    quote = ""
    if block:
        quote = ('<table role="presentation" width="100%%" cellpadding="0" cellspacing="0"><tr><td '
                 'style="border-left:4px solid #0a66c2;padding:8px 12px;font-style:italic;color:#404040">'
                 '%s</td></tr></table>\n' % "<br>".join(e(x) for x in block.split("\n")))
    mrow = ('<p style="margin:4px 0 0;color:#666;font-size:12px"><img src="https://static.licdn.com/'
            'aero-v1/sc/h/%s" width="16" height="16" alt=""> %s</p>' % ("9x2kxq2n4mr9wyqkzq6i4usf3", e(mutual))
            if mutual else "")
    pym = ""
    if pymk_count:
        cells = []
        for x in ln["pymk"][:pymk_count]:
            cells.append('<tr><td style="padding:8px 0"><a href="%s" style="color:#000;font-weight:600;'
                         'text-decoration:none">%s</a><br><span style="color:#666;font-size:12px">%s</span>'
                         '<br><a href="%s" style="color:#0a66c2">%s</a></td></tr>'
                         % (esc(x["profile"]), e(x["person"].full), e(x["person"].headline),
                            esc(x["connect"]), e(s["connect"])))
        pym = ('<tr><td style="padding:16px 24px;background:#fff"><h2 style="font-size:16px;margin:0 0 8px">'
               '%s</h2><table role="presentation" width="100%%">%s</table></td></tr>\n' % (e(s["more"]), "".join(cells)))
    foot = COPY_2019.format(y=year) if lang == "en" else COPY_EU.format(y=year)
    return """<!DOCTYPE html><html lang="%(lang)s"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>LinkedIn</title></head>
<body style="margin:0;padding:0;background:#F3F2EF">
<table role="presentation" align="center" width="512" cellpadding="0" cellspacing="0" style="max-width:512px;margin:0 auto">
<tr><td style="padding:16px 24px"><a href="%(home)s"><img src="https://static.licdn.com/aero-v1/sc/h/8fkga714vy9b2wk5auqo5reeb" alt="LinkedIn" width="84" height="21"></a></td></tr>
<tr><td style="padding:24px;background:#FFFFFF">
%(quote)s<table role="presentation" cellpadding="0" cellspacing="0"><tr>
<td valign="top"><a href="%(profile)s"><img src="%(photo)s" alt="" width="72" height="72" style="border-radius:50%%"></a></td>
<td valign="top" style="padding-left:12px"><a href="%(profile)s" style="color:#000000;font-size:20px;font-weight:600;text-decoration:none">%(name)s</a>
<p style="margin:4px 0 0;color:#191919;font-size:14px">%(headline)s</p>
<p style="margin:4px 0 0;color:#666;font-size:12px">%(location)s</p>
%(mrow)s</td></tr></table>
<table role="presentation" cellpadding="0" cellspacing="0" style="margin-top:16px"><tr>
<td style="background:#0a66c2;border-radius:24px;padding:10px 24px"><a href="%(accept)s" style="color:#FFFFFF;font-weight:600;text-decoration:none">%(accept_w)s</a></td>
<td style="padding-left:8px;border:1px solid #666;border-radius:24px;padding:10px 24px"><a href="%(profile)s" style="color:#666;font-weight:600;text-decoration:none">%(view_w)s</a></td></tr></table>
</td></tr>
%(pym)s<tr><td style="padding:16px 24px;font-size:12px;color:#666">%(app)s</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#666">%(intended)s <a href="%(why)s" style="color:#0a66c2">%(why_w)s</a><br>
%(receiving)s <a href="%(unsub)s" style="color:#0a66c2">%(unsub_w)s</a> &middot; <a href="%(help)s" style="color:#0a66c2">%(help_w)s</a><br>
%(foot)s<br>%(legal)s</td></tr>
</table>
<img src="%(pixel)s" width="1" height="1" alt="" style="display:block">
</body></html>
""" % dict(lang=lang, home=esc(ln["home"]), quote=quote, profile=esc(ln["profile"]),
           photo=esc(ln["photo"]), name=e(inv.full), headline=e(inv.headline or ""),
           location=e(inv.location or ""), mrow=mrow, accept=esc(ln["accept"]),
           accept_w=e(s["accept"]), view_w=e(s["view"]), pym=pym,
           app=e(s["app"].replace("\n", " · ")),
           intended=e(s["intended"].format(name=rcpt.full, headline=rcpt.headline).rstrip(".")),
           why=esc(ln["why"]), why_w=e(s["why"].rstrip(" :")), receiving=e(s["receiving"]),
           unsub=esc(ln["unsub"]), unsub_w=e(s["unsub"]), help=esc(ln["help"]), help_w=e(s["help"]),
           foot=e(foot), legal=e(s["legal"]), pixel=esc(ln["pixel"]))


def inv_2019(slug, lang, t, inv, note=None, greet=True, sign=True, mutual=None, pymk=3,
             variant="qp", subject=None, from_hdr=None, name_enc="Q", subj_enc="Q", subj_fold=False,
             link_host="www.linkedin.com", return_path=None, ar=(), klass="INVITE-MBR",
             entity_style="mixed", post=None, received=True, note_below=False, quoted=False):
    """note_below: the note after the location and count lines, before Accept;
    quoted: the note (greeting and signature too) in typographic quotes."""
    tok = Tok(slug)
    rcpt = RCPT[lang]
    s = L[lang]
    ms = epoch_ms(t, tok)
    lid = tok.lid()
    ln = links_2019(tok, lid, inv.vanity, host=link_host)
    block = note_block(note, s["greet"].format(r=rcpt.first) if greet else None,
                       "- %s" % inv.first if sign else None, sep="\n")
    text_block = "\u201c%s\u201d" % block if block and quoted else block
    mline = mutual_line(lang, mutual)
    foot = COPY_2019.format(y=t.year) if lang == "en" else COPY_EU.format(y=t.year)
    lines = []
    if text_block and not note_below:
        lines += [text_block, ""]
    lines += [inv.full, inv.headline]
    if inv.location:
        lines.append(inv.location)
    if mline:
        lines.append(mline)
    if text_block and note_below:
        lines += ["", text_block]
    lines += ["", "%s: %s" % (s["accept"], ln["accept"]), "", "%s: %s" % (s["view"], ln["profile"]), ""]
    if pymk:
        lines += ["-" * 41, "", s["more"], ""]
        for x in ln["pymk"][:pymk]:
            lines += [x["person"].full, x["person"].headline, "%s: %s" % (s["connect"], x["connect"]), ""]
    lines += ["-" * 41, "", s["app"], "", "-" * 41, "",
              s["intended"].format(name=rcpt.full, headline=rcpt.headline).rstrip("."),
              "%s %s" % (s["why"], ln["why"]), s["receiving"],
              "%s: %s" % (s["unsub"], ln["unsub"]), "%s: %s" % (s["help"], ln["help"]), "",
              foot, s["legal"]]
    text = "\n".join(lines)
    boundary = linkedin_boundary(tok, ms)
    cte = "base64" if variant == "base64" else "quoted-printable"
    parts = []
    if variant != "html-only":
        parts.append(leaf("text/plain", text, "UTF-8", cte, compact=True, extra=[("Content-ID", "text-body")]))
    style = entity_style if variant == "html-only" else None
    parts.append(leaf("text/html", html_2019(lang, inv, rcpt, block, mline, ln, t.year, pymk, style),
                      "UTF-8", cte, compact=True, extra=[("Content-ID", "html-body")]))
    body = multipart(boundary, parts)
    if subject is None:
        subject = s["subj_2019"]
    hs = envelope(tok, t, rcpt, return_path or bounce_addr(tok), ar, received)
    hs += li_headers_2016(tok, t, ms, from_hdr or address(inv.full, "invitations@linkedin.com", name_enc),
                          enc_header(subject, subj_enc, "UTF-8", subj_fold, 40 if subj_fold else 75),
                          rcpt, ct_multipart("alternative", boundary), klass, TPL, lid, ln["unsub"],
                          mid=mid_2024, post=(t.year >= 2024) if post is None else post)
    exp = expectation("invitation", True, name=collapse(inv.full), headline=collapse(inv.headline),
                      profile_url=normalize_profile_url(ln["profile"]), note=note,
                      note_kind=note_kind_of(note), mutual=mutual, language=lang)
    return Case(hs, body, exp, {"accept": ln["accept"], "profile": ln["profile"]})


# ---- reminders (facts §7) ---------------------------------------------------------

# Languages without patterns in patterns.conf: an invitation in them is read
# by its structure alone (invented wording, unverified; to Bob, whose own
# language is English)
L["sv"] = dict(L["en"], subj_2015="{r}, lägg till mig i ditt LinkedIn-nätverk",
               subj_2019="Jag vill knyta kontakt med dig", greet="Hej {r},",
               accept="Acceptera", view="Visa profil", mutual="{n} gemensamma kontakter",
               mutual1="1 gemensam kontakt", more="Fler personer du kanske känner", connect="Anslut",
               app="Skaffa den nya LinkedIn-appen för Windows\nFinns även för mobilen",
               receiving="Du får e-post om inbjudningar.",
               intended="Det här e-postmeddelandet var avsett för {name} ({headline}).",
               why="Läs varför vi tog med detta:", unsub="Avsluta prenumerationen", help="Hjälp",
               legal="LinkedIn och LinkedIns logotyp är registrerade varumärken som tillhör LinkedIn.")
L["pl"] = dict(L["en"], subj_2015="{r}, dodaj mnie do swojej sieci LinkedIn",
               subj_2019="Chcę nawiązać z Tobą kontakt", greet="Cześć {r},",
               accept="Akceptuj", view="Wyświetl profil", mutual="{n} wspólnych kontaktów",
               mutual1="1 wspólny kontakt", more="Więcej osób, które możesz znać", connect="Połącz",
               app="Pobierz nową aplikację LinkedIn dla systemu Windows\nDostępna również na urządzenia mobilne",
               receiving="Otrzymujesz e-maile z zaproszeniami.",
               intended="Ten e-mail był przeznaczony dla {name} ({headline}).",
               why="Dowiedz się, dlaczego to uwzględniliśmy:", unsub="Zrezygnuj z subskrypcji",
               help="Pomoc", legal="LinkedIn i logo LinkedIn są zastrzeżonymi znakami towarowymi LinkedIn.")
RCPT["sv"] = RCPT["pl"] = RCPT["en"]

REM = {
    "en": dict(subject="{first}'s invitation is waiting for your response",
               waiting="{first} is waiting for your response.",
               sent="{full} sent you an invitation {n} days ago."),
    "de": dict(subject="Die Einladung von {first} wartet auf Ihre Antwort",
               waiting="{first} wartet auf Ihre Antwort.",
               sent="{full} hat Ihnen vor {n} Tagen eine Einladung gesendet."),
}


def long_date(t):
    return "%s %d, %d" % (["January", "February", "March", "April", "May", "June", "July", "August",
                            "September", "October", "November", "December"][t.month - 1], t.day, t.year)


def rem_old(slug, t, inv, sent, note=None, link_host="www.linkedin.com", from_hdr=None,
            sender="messages-noreply@bounce.linkedin.com", return_path=None, received=None):
    """'Reminder about your invitation from <Full>' (2008–13), repeating the original note."""
    lang = "en"
    tok = Tok(slug)
    rcpt = RCPT[lang]
    ms = epoch_ms(t, tok)
    accept, view, _ = links_old(tok, t.year, host=link_host)
    lines = ["LinkedIn", "------------", "",
             "This is a reminder that on %s, %s sent you an invitation to become part of their "
             "professional network at LinkedIn." % (long_date(sent), inv.full), "",
             "Follow this link to accept %s's invitation." % inv.full, accept, ""]
    if note is not None:
        quoted = ["To: %s" % rcpt.full, "From: %s" % inv.full,
                  "Subject: Invitation to connect on LinkedIn", "", "%s," % rcpt.first, ""]
        quoted += note.split("\n") + ["", "- %s" % inv.first]
        lines += ["On %s, %s wrote:" % (long_date(sent), inv.full), ""]
        lines += [("> " + q).rstrip() for q in quoted] + [""]
    lines += ["-" * 42, "(c) %d, LinkedIn Corporation" % t.year]
    hs = (received if received is not None else
          envelope(tok, t, rcpt, return_path or bounce_addr(tok)))
    hs += [("Date", rfc_date(t)),
           ("Sender", sender),
           ("From", from_hdr or address("%s via LinkedIn" % inv.full, "member@linkedin.com")),
           ("To", address(rcpt.full, rcpt.email)),
           ("Message-ID", mid_old(tok, ms)),
           ("Subject", "Reminder about your invitation from %s" % inv.full),
           ("MIME-Version", "1.0"),
           ("Content-Type", "text/plain; charset=UTF-8"),
           ("Content-Transfer-Encoding", "7bit")]
    hs = [h for h in hs if h[1] is not None]
    exp = expectation("reminder", True, name=inv.full, note=note,
                      note_kind=note_kind_of(note) if note else None, language=lang)
    return Case(hs, encode_body("\n".join(lines), "UTF-8", "7bit"), exp, {"accept": accept})


def rem_new(slug, lang, t, inv, days=7, layout="2016"):
    """'<First>'s invitation is waiting for your response' (email_m2m_invite_reminder_02)."""
    tok = Tok(slug)
    rcpt = RCPT[lang]
    s = L[lang]
    r = REM[lang]
    ms = epoch_ms(t, tok)
    lid = tok.lid()
    tpl = "email_m2m_invite_reminder_02"
    if layout == "2016":
        ln = links_2016(tok, lid, tpl=tpl)
        foot = COPY_2014.format(y=t.year) if lang == "en" else COPY_EU.format(y=t.year)
    else:
        ln = links_2019(tok, lid, inv.vanity, tpl=tpl)
        foot = COPY_2019.format(y=t.year) if lang == "en" else COPY_EU.format(y=t.year)
    text = "\n".join([
        r["sent"].format(full=inv.full, n=days), r["waiting"].format(first=inv.first), "",
        inv.full, inv.headline, "%s: %s" % (s["view"], ln["profile"]), "",
        "%s: %s" % (s["accept"], ln["accept"]), "", "." * 37, "",
        "%s: %s" % (s["unsub"], ln["unsub"]), "%s: %s" % (s["help"], ln["help"]), "",
        s["receiving"], "", s["intended"].format(name=rcpt.full, headline=rcpt.headline),
        "%s %s" % (s["why"], ln["why"]), "%s %s" % (foot, s["legal"])])
    htm = ('<html><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/></head>'
           '<body style="font-family:Helvetica,Arial,sans-serif">\n<table width="512" align="center">'
           '<tr><td><img src="https://static.licdn.com/scds/common/u/images/email/phoenix/logos/'
           'logo_phoenix_header_blue_78x66_v1.png" width="34" height="34" alt="LinkedIn"/></td></tr>\n'
           '<tr><td><p>%s<br/>%s</p>\n<p><a href="%s" style="font-weight:bold;color:#262626">%s</a><br/>'
           '<span style="color:#737373">%s</span></p>\n<p><a href="%s" style="background:#008CC9;'
           'color:#fff;padding:6px 16px">%s</a> <a href="%s">%s</a></p></td></tr>\n'
           '<tr><td style="font-size:12px;color:#737373">%s <a href="%s">%s</a><br/>%s<br/>%s %s</td></tr>'
           '</table><img src="%s" width="1" height="1" alt=""/></body></html>\n'
           % (esc(r["sent"].format(full=inv.full, n=days)), esc(r["waiting"].format(first=inv.first)),
              esc(ln["profile"]), esc(inv.full), esc(inv.headline), esc(ln["accept"]), esc(s["accept"]),
              esc(ln["profile"]), esc(s["view"]), esc(s["receiving"]), esc(ln["unsub"]), esc(s["unsub"]),
              esc(s["intended"].format(name=rcpt.full, headline=rcpt.headline)), esc(foot), esc(s["legal"]),
              esc(ln["pixel"])))
    boundary = linkedin_boundary(tok, ms)
    body = multipart(boundary, [
        leaf("text/plain", text, "UTF-8", "quoted-printable", True, [("Content-ID", "text-body")]),
        leaf("text/html", htm, "UTF-8", "quoted-printable", True, [("Content-ID", "html-body")])])
    hs = envelope(tok, t, rcpt, bounce_addr(tok))
    hs += li_headers_2016(tok, t, ms, address(inv.full, "invitations@linkedin.com"),
                          enc_header(r["subject"].format(first=inv.first)), rcpt,
                          ct_multipart("alternative", boundary), "INVITE-MBR", tpl, lid, ln["unsub"],
                          mid=mid_2016 if layout == "2016" else mid_2024)
    exp = expectation("reminder", True, name=inv.full, headline=inv.headline,
                      profile_url=normalize_profile_url(ln["profile"]), language=lang)
    return Case(hs, body, exp, {"accept": ln["accept"], "profile": ln["profile"]})


# ---- other LinkedIn notifications (kind notification) -------------------------------------


def li_notice(slug, t, sender, display, subject, tpl, klass, text, lang="en", html_body=None,
              rp_style="s", reply_to=None, cte="quoted-printable", era="2016", subj_enc="Q"):
    """Any non-invitation LinkedIn notification.  era: 2008 (Sender + via LinkedIn),
    2016 (JavaMail Message-ID), 2024 (no JavaMail, One-Click unsubscribe)."""
    tok = Tok(slug)
    rcpt = RCPT[lang]
    ms = epoch_ms(t, tok)
    lid = tok.lid()
    boundary = linkedin_boundary(tok, ms)
    text = text.format(r=rcpt.first, rname=rcpt.full, rhead=rcpt.headline, lid=lid,
                       tok=tok.urlsafe(16), tpl=tpl)
    compact = era != "2008"
    parts = [leaf("text/plain", text, "UTF-8", cte, compact,
                  [("Content-ID", "text-body")] if compact else [])]
    if html_body:
        h = html_body.format(r=esc(rcpt.first), rname=esc(rcpt.full), rhead=esc(rcpt.headline), lid=lid,
                             tok=tok.urlsafe(16), tpl=tpl)
        parts.append(leaf("text/html", h, "UTF-8", cte, compact,
                          [("Content-ID", "html-body")] if compact else []))
        ctype = ct_multipart("alternative", boundary)
        body = multipart(boundary, parts)
    else:
        ctype = ("text/plain;charset=UTF-8" if compact else "text/plain; charset=UTF-8")
        body = parts[0].split(b"\n\n", 1)[1]
    subject = enc_header(subject.format(r=rcpt.first), subj_enc)
    hs = envelope(tok, t, rcpt, bounce_addr(tok, rp_style if era != "2008" else "mbr"))
    if era == "2008":
        hs += [("Date", rfc_date(t)), ("Sender", "messages-noreply@bounce.linkedin.com"),
               ("From", address(display, sender)), ("To", address(rcpt.full, rcpt.email, "Q")),
               ("Message-ID", mid_old(tok, ms)), ("Subject", subject), ("MIME-Version", "1.0"),
               ("Content-Type", ctype)]
        if not html_body:
            hs.append(("Content-Transfer-Encoding", cte))
        return Case(hs, body, exp_linkedin())
    unsub = ("https://www.linkedin.com/comm/psettings/email-unsubscribe?lipi=urn%%3Ali%%3Apage%%3A"
             "email_%s%%3B%s%%3D%%3D&midToken=AQ%s&loid=AQ%s" % (tpl, tok.urlsafe(22), tok.urlsafe(16),
                                                                   tok.urlsafe(20)))
    li = li_headers_2016(tok, t, ms, address(display, sender), subject, rcpt, ctype, klass, tpl, lid,
                         unsub, mid=mid_2016 if era == "2016" else mid_2024, post=(era == "2024"))
    if not html_body:
        li.insert(5, ("Content-Transfer-Encoding", cte))
    if reply_to:
        li.insert(1, ("Reply-To", reply_to))
    return Case(hs + li, body, exp_linkedin())


# ---- ordinary mail (kind none) -----------------------------------------------------------


def plain(slug, t, from_hdr, to_hdr, subject, text, charset="UTF-8", cte="8bit", extra=(),
          ctype="text/plain", rp=None, zone=None, mid_domain="example.com"):
    tok = Tok(slug)
    hs = [("Return-Path", "<%s>" % (rp or re.sub(r".*<|>.*", "", from_hdr))),
          ("Delivered-To", re.sub(r".*<|>.*", "", to_hdr)),
          ("Received", "from smtp.example.net (smtp.example.net [192.0.2.%d])\n\tby %s (Postfix) with "
                       "ESMTPS id %s\n\tfor <%s>; %s" % (tok.num(2, 250), MX, tok.pick("0123456789ABCDEF", 11),
                                                        re.sub(r".*<|>.*", "", to_hdr), rfc_date(t, "+0000 (UTC)"))),
          ("From", from_hdr), ("To", to_hdr), ("Subject", subject),
          ("Date", rfc_date(t, zone or "+0100", 1) if zone is None else rfc_date(t, zone)),
          ("Message-ID", "<%s.%s@%s>" % (tok.b36(12), tok.b36(6), mid_domain))]
    hs += list(extra)
    if ctype.startswith("multipart/"):
        hs += [("MIME-Version", "1.0"), ("Content-Type", ctype)]
        return Case(hs, text if isinstance(text, bytes) else text.encode("utf-8"), exp_none())
    hs += [("MIME-Version", "1.0"),
           ("Content-Type", "%s; charset=%s" % (ctype, charset) if charset else ctype),
           ("Content-Transfer-Encoding", cte)]
    return Case(hs, encode_body(text, charset or "US-ASCII", cte), exp_none())


# ---- phishing helpers ---------------------------------------------------------------------


def foreign(case, return_path, ip="203.0.113.%d", helo="mail.example.net", t=None):
    """Replace the genuine envelope by a foreign one: Return-Path and our Received line."""
    tok = Tok(return_path)
    case.set("Return-Path", "<%s>" % return_path)
    rec = case._idx("Received")
    rcpt = case.headers[case._idx("Delivered-To")][1]
    line = ("from %s (unknown [%s])\n\tby %s (Postfix) with ESMTP id %s\n\tfor <%s>; %s"
            % (helo, ip % tok.num(2, 250) if "%d" in ip else ip, MX, tok.pick("0123456789ABCDEF", 11),
               rcpt, case.headers[case._idx("Date")][1]))
    if rec is None:
        case.insert("Received", line, before="Date" if case._idx("Date") is not None else None)
    else:
        old = re.search(r"\bid (\w+)", case.headers[rec][1])
        case.headers[rec][1] = line
        new = re.search(r"\bid (\w+)", line).group(1)
        for h in case.headers:	# our verifier stamped the new queue id
            if old and h[0].lower() == "authentication-results" and h[1].startswith("%s/%s;" % (MX, old.group(1))):
                h[1] = "%s/%s;%s" % (MX, new, h[1].split(";", 1)[1])
    return case


def phish_fax_2013(slug):
    """2013 sample (facts §8): forged Received and 2037 JavaMail Message-ID, copied
    X-LinkedIn-* headers, fax lure with a base64 HTML attachment hiding JavaScript."""
    tok = Tok(slug)
    t = when(2013, 1, 21, 16, 41, 7)
    rcpt = RCPT["en"]
    inv = Person("Sandra Whitfield")
    accept = "http://www.hotel-lagoa.example.net/wp-content/plugins/akismet/li.php?inv=%s" % tok.digits(10)
    view = "http://www.hotel-lagoa.example.net/wp-content/plugins/akismet/li.php?view=%s" % tok.digits(10)
    note = STOCK["2008"]["en"]
    text = "\n".join([
        "LinkedIn", "------------", "", "",
        "     %s requested to add you as a connection on LinkedIn:" % inv.full, "", "-" * 42, "",
        "%s," % rcpt.first, "", note, "", "- %s" % inv.first, "",
        "Accept invitation from %s" % inv.full, accept, "",
        "View invitation from %s" % inv.full, view, "",
        "-" * 42, "",
        "%s also sent you a fax document (1 page). Open the attached Fax_Invitation_0121.htm to "
        "view it." % inv.first, "", "-- ", "(c) 2013, LinkedIn Corporation"])
    lure = ("<html><head><title>Fax Document</title><script type=\"text/javascript\">\n"
            "var u='http://'+'fax-viewer'+'.example.net/view.php?d=%s';\n"
            "document.location.href=u;\n</script></head><body><p>Loading fax document, please "
            "wait...</p></body></html>\n" % tok.alnum(12))
    boundary = "----=_Part_%d_%d.2141285452000" % (tok.num(100000, 999999), tok.num(10 ** 8, 2 * 10 ** 9))
    att = (header_block([("Content-Type", 'text/html; name="Fax_Invitation_0121.htm"'),
                         ("Content-Transfer-Encoding", "base64"),
                         ("Content-Disposition", 'attachment; filename="Fax_Invitation_0121.htm"')])
           + b"\n" + base64.encodebytes(lure.encode()))
    body = multipart(boundary, [leaf("text/plain", text, "UTF-8", "7bit"), att])
    hs = [("Return-Path", "<ofelia.santos@hotel-lagoa.example.net>"), ("Delivered-To", rcpt.email),
          ("Received", "from hotel-lagoa.example.net (unknown [198.51.100.77])\n\tby %s (Postfix) with "
                       "ESMTP id 3YqK41F2KZz9sWL\n\tfor <%s>; Mon, 21 Jan 2013 17:02:44 +0000 (UTC)" % (MX, rcpt.email)),
          ("Received", "from mailc-aa.linkedin.com (mailc-aa.linkedin.com [108.174.2.13])\n\tby "
                       "hotel-lagoa.example.net with SMTP id 2qIvqX8hVr; Mon, 21 Jan 2013 18:02:41 +0100"),
          ("Date", rfc_date(t)),
          ("Sender", "messages-noreply@bounce.linkedin.com"),
          ("From", address("%s via LinkedIn" % inv.full, "member@linkedin.com")),
          ("To", address(rcpt.full, rcpt.email)),
          ("Message-ID", "<2141285452000.JavaMail.app@ela4-bed77.prod>"),
          ("Subject", "Invitation to connect on LinkedIn"),
          ("MIME-Version", "1.0"),
          ("Content-Type", ct_multipart("mixed", boundary)),
          ("X-LinkedIn-Template", "invite_member_46"),
          ("X-LinkedIn-Class", "INVITE-MBR"),
          ("X-LinkedIn-fbl", "s-%s-%s-%s" % (tok.B36(28), tok.B36(4), tok.digits(6)))]
    exp = expectation("invitation", False, name=inv.full, note=note, note_kind="generic", language="en")
    return Case(hs, body, exp, {"accept": accept})


def phish_pending(slug):
    """'You have 3 pending connections' credential phish, HTML only, no inviter named."""
    t = when(2023, 6, 12, 7, 15, 0)
    rcpt = RCPT["en"]
    url = "https://linkedin-secure.example.com/uas/login.php?session=%s&u=bob.smith" % Tok(slug).alnum(20)
    htm = """<html><body style="font-family:Arial">
<table width="520" align="center"><tr><td><img src="https://linkedin-secure.example.com/img/logo.png" alt="LinkedIn"></td></tr>
<tr><td><h2>You have 3 pending connections</h2>
<p>Hi Bob,</p><p>You have 3 pending connection requests waiting for your response. Requests that are not
accepted within 48 hours will expire.</p>
<p><a href="%s" style="background:#0a66c2;color:#fff;padding:10px 20px">Accept</a>
&nbsp; <a href="%s">View pending invitations</a></p>
<p style="font-size:11px;color:#888">This email was intended for Bob Smith.<br>Ã‚Â© 2023 LinkedIn Corporation</p>
</td></tr></table></body></html>
""" % (esc(url), esc(url))
    hs = [("Return-Path", "<noreply@linkedin-secure.example.com>"), ("Delivered-To", rcpt.email),
          ("Received", "from vps4411.example.net (vps4411.example.net [198.51.100.12])\n\tby %s "
                       "(Postfix) with ESMTP id 4QfLm23xYbz1q\n\tfor <%s>; %s" % (MX, rcpt.email, rfc_date(t))),
          ("From", "LinkedIn <noreply@linkedin-secure.example.com>"),
          ("To", rcpt.email), ("Subject", "You have 3 pending connections"),
          ("Date", rfc_date(t, "+0300", 3)), ("Message-ID", "<20230612101500.5F2A1@vps4411.example.net>"),
          ("MIME-Version", "1.0"), ("Content-Type", "text/html; charset=utf-8"),
          ("Content-Transfer-Encoding", "8bit")]
    exp = expectation("invitation", False, note_kind="none", language="en")
    return Case(hs, encode_body(htm, "UTF-8", "8bit"), exp, {"accept": url})


def phish_confirm(slug):
    """'Confirm that you know …': look-alike sender, wrong 'intended for', mojibake ©."""
    t = when(2019, 9, 3, 22, 4, 51)
    rcpt = RCPT["en"]
    host = "linkedin-notify.example.com"
    prof = "http://%s/profile/view?id=8812&u=bob.smith&trk=eml" % host
    acc = "http://%s/confirm.php?id=8812&u=bob.smith" % host
    text = "\n".join([
        "Daniel Okafor", "CEO at Okafor Petroleum Holdings", "Lagos, Nigeria", "",
        "Accept: %s" % acc, "", "View profile: %s" % prof, "",
        "Please confirm that you know Daniel Okafor within 48 hours, or this request will expire.", "",
        "This email was intended for Daniel (Manager).", "Ã‚Â© 2019 LinkedIn Corporation"])
    hs = [("Return-Path", "<bounce@%s>" % host), ("Delivered-To", rcpt.email),
          ("Received", "from %s (unknown [203.0.113.90])\n\tby %s (Postfix) with ESMTP id 46NJ1x0Tq3z9t\n\t"
                       "for <%s>; %s" % (host, MX, rcpt.email, rfc_date(t))),
          ("From", "LinkedIn Invitations <invitations@%s>" % host), ("To", rcpt.email),
          ("Subject", "Confirm that you know Daniel Okafor"), ("Date", rfc_date(t)),
          ("Message-ID", "<5d6ee2d3.1c69fb81.4ab2.77f1@%s>" % host), ("MIME-Version", "1.0"),
          ("Content-Type", "text/plain; charset=utf-8"), ("Content-Transfer-Encoding", "8bit")]
    exp = expectation("invitation", False, name="Daniel Okafor", headline="CEO at Okafor Petroleum Holdings",
                      profile_url=normalize_profile_url(prof), note_kind="none", language="en")
    return Case(hs, encode_body(text, "UTF-8", "8bit"), exp, {"accept": acc, "profile": prof})


def phish_reminder_2012(slug):
    """2012 fake reminders dropping Cridex (facts §8)."""
    t = when(2012, 10, 16, 9, 12, 40)
    inv = Person("Ryan Cole")
    c = rem_old(slug, t, inv, when(2012, 10, 9), note=STOCK["2008"]["en"],
                link_host="www.linkedin.com.id-4432.example.net",
                from_hdr="LinkedIn Reminder <reminder@linkedin.com>", sender=None,
                return_path="postmaster@dsl-187-141.example.net")
    foreign(c, "postmaster@dsl-187-141.example.net", ip="198.51.100.187", helo="dsl-187-141.example.net")
    c.expect["authentic"] = False
    return c


# ===================================================================== 4. the cases

CASES = []      # (slug, category, marker, description, Case)


def case(slug, category, marker, desc, c, **over):
    """Register a case; over overrides expectation keys (inviter keys by name)."""
    for k, v in over.items():
        if k in ("name", "headline", "profile_url", "email"):
            c.expect["inviter"][k] = v
        else:
            assert k in c.expect, k
            c.expect[k] = v
    CASES.append((slug, category, marker, desc, c))


def build_invitations():
    S = STOCK
    # -- before 2008: From is the inviter's own address, Sender is LinkedIn (unverified)
    case("2006-en-pre2008-stock", "invitation", "unverified",
         "pre-2008, en, From = inviter's own address, Sender: LinkedIn Communication, stock 'person I trust' note, 7bit, single part",
         inv_pre2008("2006-en-pre2008-stock", "en", when(2006, 11, 15, 17, 14, 22),
                     Person("Anna Kowalski", email="anna.kowalski@example.com"), S["pre2008"]["en"]))
    case("2007-en-pre2008-personal", "invitation", "unverified",
         "pre-2008, en, From = inviter's address (apostrophe in name), personal note",
         inv_pre2008("2007-en-pre2008-personal", "en", when(2007, 5, 2, 15, 3, 9),
                     Person("Kevin O'Neill", email="kevin.oneill@example.net"),
                     "Good to see you at the Lisbon offsite. Let's keep in touch here, and say hi to the team."))
    case("2007-de-pre2008-stock", "invitation", "unverified",
         "pre-2008, de, From = inviter's address, ISO-8859-1 quoted-printable body, stock 'Person, der ich vertraue' note",
         inv_pre2008("2007-de-pre2008-stock", "de", when(2007, 9, 20, 8, 30, 0),
                     Person("Felix Wagner", email="felix.wagner@example.com"), S["pre2008"]["de"],
                     charset="ISO-8859-1", cte="quoted-printable"))
    case("2007-fr-pre2008-stock", "invitation", "unverified",
         "pre-2008, fr, From = inviter's address (Q-encoded), stock 'personne de confiance' note, 8bit UTF-8",
         inv_pre2008("2007-fr-pre2008-stock", "fr", when(2007, 3, 12, 10, 0, 0),
                     Person("Mathilde Rousseau", email="m.rousseau@example.net"), S["pre2008"]["fr"], cte="8bit"))
    case("2007-es-pre2008-stock", "invitation", "unverified",
         "pre-2008, es, From = inviter's address, stock 'persona de confianza' note, ISO-8859-1 8bit",
         inv_pre2008("2007-es-pre2008-stock", "es", when(2007, 6, 1, 16, 30, 0),
                     Person("Álvaro Pardo", email="alvaro.pardo@example.com"), S["pre2008"]["es"],
                     charset="ISO-8859-1", cte="8bit"))
    case("2006-pt-pre2008-stock", "invitation", "unverified",
         "pre-2008, pt, From = inviter's address, stock 'pessoa de confiança' note, QP UTF-8",
         inv_pre2008("2006-pt-pre2008-stock", "pt", when(2006, 8, 8, 12, 0, 0),
                     Person("Luísa Ribeiro", email="luisa.ribeiro@example.com"), S["pre2008"]["pt"],
                     cte="quoted-printable"))
    case("2007-it-pre2008-stock", "invitation", "unverified",
         "pre-2008, it, From = inviter's address, stock 'persona di cui mi fido' note, base64 UTF-8",
         inv_pre2008("2007-it-pre2008-stock", "it", when(2007, 11, 30, 9, 45, 0),
                     Person("Giorgio Conti", email="giorgio.conti@example.net"), S["pre2008"]["it"], cte="base64"))
    case("2007-nl-pre2008-stock", "invitation", "unverified",
         "pre-2008, nl, From = inviter's address, stock 'iemand die ik vertrouw' note, 7bit",
         inv_pre2008("2007-nl-pre2008-stock", "nl", when(2007, 2, 14, 14, 0, 0),
                     Person("Femke Smit", email="femke.smit@example.com"), S["pre2008"]["nl"]))

    # -- 2008–2013: "<Full> via LinkedIn <member@linkedin.com>", Sender bounce, /e/ links
    case("2008-en-stock", "invitation", "confirmed",
         "2008–13 format, en, 'Join my network on LinkedIn', stock note, no claim, 7bit text+html",
         inv_old("2008-en-stock", "en", when(2008, 6, 11, 13, 5, 44), Person("Oliver Grant"),
                 S["2008"]["en"], cte="7bit"))
    case("2009-en-claim-group", "invitation", "likely",
         "2008–13 format, en, claim 'fellow group member of <Group>:', stock note",
         inv_old("2009-en-claim-group", "en", when(2009, 2, 24, 19, 40, 2), Person("Hannah Lee"),
                 S["2008"]["en"], claim="group", claim_org="Open Data Practitioners", cte="7bit"))
    case("2010-en-claim-colleague", "invitation", "unverified",
         "2008–13 format, en, claim 'Colleague at Globex Corporation', stock note (claim-mismatch sample)",
         inv_old("2010-en-claim-colleague", "en", when(2010, 4, 8, 9, 12, 31), Person("Marcus Bell"),
                 S["2008"]["en"], claim="colleague", claim_org="Globex Corporation", cte="7bit"))
    case("2011-en-claim-classmate-personal", "invitation", "unverified",
         "2008–13 format, en, claim 'Classmate at Northfield University', personal note, quoted-printable",
         inv_old("2011-en-claim-classmate-personal", "en", when(2011, 3, 14, 21, 55, 3), Person("Emily Carter"),
                 "We sat next to each other in Prof. Alvarez's statistics seminar back in 2004 \u2014 "
                 "great to find you here! How is life at Acme?",
                 claim="classmate", claim_org="Northfield University", cte="quoted-printable"))
    case("2012-en-claim-friend", "invitation", "likely",
         "2008–13 format, en, claim 'Friend' (no org), stock note, 2012 Accept URL with ?hs=false&tok=",
         inv_old("2012-en-claim-friend", "en", when(2012, 1, 30, 11, 2, 17), Person("Samuel Osei"),
                 S["2008"]["en"], claim="friend", cte="7bit"))
    case("2012-en-claim-business-personal", "invitation", "unverified",
         "2008–13 format, en, claim 'done business together at Tailspin Toys', multi-line personal note, QP",
         inv_old("2012-en-claim-business-personal", "en", when(2012, 7, 19, 16, 47, 58), Person("Grace Liu"),
                 "Thanks again for the smooth hand-over of the Tailspin Toys launch.\n"
                 "If you ever need a supplier contact in Shenzhen, just ask.",
                 claim="business", claim_org="Tailspin Toys", cte="quoted-printable"))
    case("2013-en-claim-other-variant", "invitation", "unverified",
         "2008–13 format, en, claim 'Other', stock note variant '…my LinkedIn network'",
         inv_old("2013-en-claim-other-variant", "en", when(2013, 5, 6, 7, 31, 12), Person("Peter Novak"),
                 S["variant"]["en"], claim="other", cte="7bit"))
    case("2011-en-personal-no-claim", "invitation", "confirmed",
         "2008–13 format, en, no claim line (as in the archived 2011–12 samples), personal note, 8bit",
         inv_old("2011-en-personal-no-claim", "en", when(2011, 10, 2, 12, 0, 41), Person("Priya Raman"),
                 "Loved your piece on internal comms after mergers. I run the employee-engagement "
                 "programme at Contoso and would value your perspective.", cte="8bit"))
    case("2010-de-claim-classmate-latin1", "invitation", "unverified",
         "2008–13 format, de, claim 'zusammen an der Hochschule Rheintal studiert', stock note, ISO-8859-1 8bit text+html",
         inv_old("2010-de-claim-classmate-latin1", "de", when(2010, 11, 23, 14, 20, 5), Person("Jürgen Weiß"),
                 S["2008"]["de"], claim="classmate", claim_org="Hochschule Rheintal",
                 charset="ISO-8859-1", cte="8bit"))
    fr_from = "%s %s via LinkedIn <member@linkedin.com>" % (_word("François", "Q", "ISO-8859-1"),
                                                             _word(" Lefèvre", "Q", "UTF-8"))
    case("2011-fr-claim-colleague-mixed-charset", "invitation", "unverified",
         "2008–13 format, fr, claim 'collègues chez Vandelay Industries', stock note, 8bit UTF-8, "
         "From display name mixes ISO-8859-1 and UTF-8 encoded words",
         inv_old("2011-fr-claim-colleague-mixed-charset", "fr", when(2011, 6, 9, 8, 45, 30),
                 Person("François Lefèvre"), S["2008"]["fr"], claim="colleague",
                 claim_org="Vandelay Industries", cte="8bit", from_hdr=fr_from))
    case("2012-es-personal-cp1252", "invitation", "unverified",
         "2008–13 format, es, personal note with curly quotes and €, windows-1252 quoted-printable text+html",
         inv_old("2012-es-personal-cp1252", "es", when(2012, 9, 27, 18, 3, 3), Person("Javier Ortega"),
                 "¿Te acuerdas del congreso de Valencia? Me encantó tu charla sobre “comunicación de "
                 "crisis”. La cena de 40 € sigue pendiente.",
                 charset="WINDOWS-1252", cte="quoted-printable", name_enc="B"))
    case("2011-es-stock", "invitation", "unverified",
         "2008–13 format, es, stock 'Me gustaría añadirte a mi red profesional en LinkedIn.', QP",
         inv_old("2011-es-stock", "es", when(2011, 11, 21, 11, 21, 0), Person("Sergio Molina"),
                 S["2008"]["es"], cte="quoted-printable"))
    case("2013-pt-stock-b-from", "invitation", "unverified",
         "2008–13 format, pt, stock note, QP UTF-8, B-encoded From",
         inv_old("2013-pt-stock-b-from", "pt", when(2013, 2, 11, 10, 10, 10), Person("Ana Conceição"),
                 S["2008"]["pt"], cte="quoted-printable", name_enc="B", subj_enc="B"))
    case("2009-it-stock", "invitation", "unverified",
         "2008–13 format, it, ≤2010 subject, stock note, 8bit, text only (no html part)",
         inv_old("2009-it-stock", "it", when(2009, 10, 5, 15, 15, 15), Person("Marco Bianchi"),
                 S["2008"]["it"], cte="8bit", with_html=False))
    case("2012-nl-stock", "invitation", "unverified",
         "2008–13 format, nl, stock note, QP",
         inv_old("2012-nl-stock", "nl", when(2012, 4, 17, 9, 9, 9), Person("Sanne Jansen"),
                 S["2008"]["nl"], cte="quoted-printable"))

    # -- 2014–2018: "<Full> <invitations@linkedin.com>", /comm/profile/view?id=, invite-accept
    case("2014-en-stock2008-signature", "invitation", "likely",
         "2014–18 format, en, 2008–14 stock note with '- First' signature, QP text+html with preheader",
         inv_2016("2014-en-stock2008-signature", "en", when(2014, 10, 21, 17, 2, 9),
                  Person("Rachel Adams", headline="Account Executive at Contoso", location="Greater Chicago Area"),
                  S["2008"]["en"], sign=True, subject="Invitation to connect on LinkedIn"))
    case("2015-en-stock", "invitation", "confirmed",
         "2014–18 format, en, 'Hi Bob, I'd like to join your LinkedIn network.' stock note",
         inv_2016("2015-en-stock", "en", when(2015, 8, 4, 12, 33, 0),
                  Person("Nadia Petrova", headline="Senior Data Analyst at Hooli", location="San Francisco Bay Area"),
                  S["2015"]["en"]))
    case("2016-en-stock", "invitation", "confirmed",
         "2014–18 format, en, stock note, QP (soft-wrapped URLs, =3D), hidden preheader, our A-R pass",
         inv_2016("2016-en-stock", "en", when(2016, 11, 1, 15, 57, 2),
                  Person("Laura Chen", headline="Talent Acquisition Partner at Initech", location="Greater Seattle Area"),
                  S["2015"]["en"], ar=[ar_pass(Tok("2016-en-stock-ar"))]))
    case("2016-en-personal", "invitation", "confirmed",
         "2014–18 format, en, personal note naming shared context, '- Michael' signature",
         inv_2016("2016-en-personal", "en", when(2016, 3, 9, 20, 1, 45),
                  Person("Michael Brooks", headline="Communications Director at Fabrikam", location="Denver, Colorado"),
                  "We met at the PRSA conference in Denver last month \u2014 I enjoyed your talk on "
                  "crisis comms. Would love to stay in touch.", sign=True))
    case("2017-en-personal-base64", "invitation", "unverified",
         "2014–18 format, en, personal note, base64 text and html parts",
         inv_2016("2017-en-personal-base64", "en", when(2017, 2, 13, 6, 48, 20),
                  Person("David Kim", headline="Software Engineer at Wingtip Toys", location="Austin, Texas"),
                  "Your team's migration post-mortem was the best thing I read this year.\n"
                  "Mind if I connect?", variant="base64"))
    case("2017-en-html-only-named-entities", "invitation", "unverified",
         "2014–18 format, en, HTML only (no text/plain), &amp; and named entities (&eacute;), stock note",
         inv_2016("2017-en-html-only-named-entities", "en", when(2017, 6, 30, 13, 13, 13),
                  Person("Amélie Laurent-Price", headline="Head of R&D at Café Lumière", location="Montréal, Québec"),
                  S["2015"]["en"], variant="html-only", entity_style="named"))
    case("2018-en-no-note-recruiter", "invitation", "likely",
         "2014–18 format, en, no note, recruiter headline",
         inv_2016("2018-en-no-note-recruiter", "en", when(2018, 9, 17, 10, 40, 0),
                  Person("Chris Walker", headline="Senior Technical Recruiter at TalentBridge Staffing",
                         location="Greater New York City Area"), None))
    case("2015-en-foreign-ar-fail-ignored", "invitation", "unverified",
         "2014–18 format, en, genuine; only A-R is from another authserv-id (relay.example.com) saying dkim=fail: ignored → authentic",
         inv_2016("2015-en-foreign-ar-fail-ignored", "en", when(2015, 12, 2, 8, 20, 0),
                  Person("Olivia Turner", headline="Operations Manager at Northwind Traders", location="Portland, Oregon"),
                  S["2015"]["en"],
                  ar=["relay.example.com;\n\tdkim=fail (body hash did not verify) header.d=linkedin.com;\n\t"
                      "dmarc=fail header.from=linkedin.com"]))
    case("2016-de-stock", "invitation", "unverified",
         "2014–18 format, de, stock 'Ich würde mich gerne Ihrem LinkedIn-Netzwerk anschließen.', B-encoded subject",
         inv_2016("2016-de-stock", "de", when(2016, 5, 18, 7, 58, 33),
                  Person("Anja Schröder", headline="Projektleiterin bei Fabrikam", location="Hamburg, Deutschland"),
                  S["2015"]["de"], subj_enc="B", name_enc="B"))
    case("2017-fr-html-only-stock", "invitation", "unverified",
         "2014–18 format, fr, HTML only with numeric entities (&#233;), stock note",
         inv_2016("2017-fr-html-only-stock", "fr", when(2017, 4, 3, 9, 26, 40),
                  Person("Hélène Girard", headline="Cheffe de projet chez Contoso", location="Lyon, France"),
                  S["2015"]["fr"], variant="html-only", entity_style="numeric"))
    case("2016-fr-personal", "invitation", "unverified",
         "2014–18 format, fr, personal note with accents, signature, Q subject",
         inv_2016("2016-fr-personal", "fr", when(2016, 7, 7, 14, 2, 2),
                  Person("Julien Moreau", headline="Consultant senior chez Initech", location="Paris, France"),
                  "Ravi d'avoir échangé avec vous au salon VivaTech. Je serais heureux de poursuivre "
                  "la discussion sur votre projet d'intranet.", sign=True))
    case("2017-es-stock-folded-subject", "invitation", "unverified",
         "2014–18 format, es, stock note, subject Q-encoded and folded over two lines",
         inv_2016("2017-es-stock-folded-subject", "es", when(2017, 10, 10, 10, 10, 10),
                  Person("Carmen Núñez", headline="Directora financiera en Globex", location="Madrid, España"),
                  S["2015"]["es"], subj_fold=True))
    case("2018-pt-variant-stock", "invitation", "unverified",
         "2014–18 format, pt, stock-note variant 'Gostaria de me conectar com você no LinkedIn.'",
         inv_2016("2018-pt-variant-stock", "pt", when(2018, 3, 22, 19, 19, 0),
                  Person("Rafael Souza", headline="Analista de sistemas na Contoso", location="Porto Alegre, Brasil"),
                  S["variant"]["pt"]))
    case("2016-pt-stock", "invitation", "unverified",
         "2014–18 format, pt, stock 'Gostaria de fazer parte da sua rede no LinkedIn.'",
         inv_2016("2016-pt-stock", "pt", when(2016, 6, 14, 13, 0, 0),
                  Person("Camila Rocha", headline="Coordenadora de marketing na Fabrikam", location="Curitiba, Brasil"),
                  S["2015"]["pt"]))
    case("2017-it-stock", "invitation", "unverified",
         "2014–18 format, it, stock 'Vorrei entrare a far parte della tua rete su LinkedIn.'",
         inv_2016("2017-it-stock", "it", when(2017, 9, 5, 8, 40, 0),
                  Person("Alessandro Galli", headline="Commerciale presso Northwind Traders", location="Bologna, Italia"),
                  S["2015"]["it"]))
    case("2018-fr-variant-stock", "invitation", "unverified",
         "2014–18 format, fr, stock-note variant 'Je souhaite rejoindre votre réseau LinkedIn.'",
         inv_2016("2018-fr-variant-stock", "fr", when(2018, 5, 29, 15, 10, 0),
                  Person("Nicolas Fontaine", headline="Développeur full-stack chez Contoso", location="Nantes, France"),
                  S["variant"]["fr"]))
    case("2016-it-personal-base64", "invitation", "unverified",
         "2014–18 format, it, personal note, base64 parts",
         inv_2016("2016-it-personal-base64", "it", when(2016, 9, 12, 11, 11, 11),
                  Person("Francesca Esposito", headline="Architetto presso Studio Esposito", location="Napoli, Italia"),
                  "Ci siamo conosciute al workshop sul recruiting a Bologna. Mi farebbe piacere "
                  "restare in contatto!", sign=True, variant="base64"))
    case("2017-nl-stock", "invitation", "unverified",
         "2014–18 format, nl, stock 'Ik wil graag deel uitmaken van je LinkedIn-netwerk.'",
         inv_2016("2017-nl-stock", "nl", when(2017, 1, 25, 8, 0, 5),
                  Person("Daan van den Berg", headline="Accountmanager bij Northwind Traders", location="Utrecht, Nederland"),
                  S["2015"]["nl"]))

    # -- 2019–today: "I want to connect", vanity profile, mutuals, PYMK block
    case("2019-en-personal", "invitation", "likely",
         "2019+ format, en, personal note block on top, headline with @ and |, 12 mutual, PYMK block after",
         inv_2019("2019-en-personal", "en", when(2019, 11, 5, 16, 20, 11),
                  Person("Sophia Alvarez", headline="Talent Partner @ Hooli | Hiring engineers in Berlin & Lisbon",
                         vanity="sophia-alvarez-9a1b2c", location="Greater Boston"),
                  "We met at the Open Data Summit in Lisbon \u2014 I'd love to continue our chat about "
                  "civic tech and comms.", mutual=12))
    case("2020-en-no-note-pymk4", "invitation", "likely",
         "2019+ format, en, no note, '1 connection in common', four PYMK people after the inviter",
         inv_2019("2020-en-no-note-pymk4", "en", when(2020, 6, 15, 9, 45, 12),
                  Person("Liam Foster", headline="Product Manager at Contoso", vanity="liamfoster",
                         location="Seattle, Washington, United States"), mutual=1, pymk=4))
    case("2021-en-all-caps-numbers-game", "invitation", "likely",
         "2019+ format, en, ALL-CAPS name and headline (LION), personal note without greeting or signature",
         inv_2019("2021-en-all-caps-numbers-game", "en", when(2021, 3, 3, 3, 3, 3),
                  Person("MARIA GONZALEZ", headline="SALES DIRECTOR | B2B SAAS | OPEN NETWORKER (LION) | 28K+",
                         vanity="maria-gonzalez-lion", location="Miami, Florida, United States"),
                  "I ACCEPT ALL INVITATIONS. LET'S GROW OUR NETWORKS TOGETHER!", greet=False, sign=False))
    case("2022-en-apostrophe-hyphen", "invitation", "likely",
         "2019+ format, en, name with accent, apostrophe and hyphen (Q-encoded From), no note, 3 mutual, our A-R pass",
         inv_2019("2022-en-apostrophe-hyphen", "en", when(2022, 8, 8, 18, 30, 0),
                  Person("Siobhán O'Brien-Kowalski", headline="Partner at O'Brien-Kowalski & Associates | Employment Law",
                         vanity="siobhan-obrien-kowalski", location="Dublin, Ireland"), mutual=3,
                  ar=[ar_pass(Tok("2022-en-apostrophe-hyphen-ar"))]))
    zh = Person("王小明", headline="Supply Chain Manager at Northwind Traders", vanity="xiaoming-wang-5a3b21",
                location="Shanghai, China")
    zh_from = "%s %s <invitations@linkedin.com>" % (_word("王", "B", "GB2312"), _word("小明", "B", "UTF-8"))
    case("2023-en-chinese-name-mixed-charset", "invitation", "likely",
         "2019+ format, en, Chinese name; From display name = GB2312 B word + UTF-8 B word; 5 mutual",
         inv_2019("2023-en-chinese-name-mixed-charset", "en", when(2023, 2, 14, 2, 14, 0), zh, mutual=5,
                  from_hdr=zh_from))
    ar = Person("ليلى حداد", headline="Cloud Architect | AWS & Azure | Dubai", vanity="layla-haddad",
                location="Dubai, United Arab Emirates")
    case("2023-en-arabic-name-folded", "invitation", "likely",
         "2019+ format, en, Arabic name Q-encoded and folded over several lines, personal note, 8 mutual",
         inv_2019("2023-en-arabic-name-folded", "en", when(2023, 10, 30, 12, 5, 0), ar,
                  "We spoke at the Dubai cloud summit about multi-region failover. Happy to share our runbooks.",
                  mutual=8, from_hdr="%s <invitations@linkedin.com>" % "\n ".join(
                      encoded_words(ar.full, "Q", "UTF-8", 40))))
    case("2024-en-headline-cut", "invitation", "likely",
         "2019+ format, en, long headline with @ | & cut with '…', 27 mutual, One-Click List-Unsubscribe-Post, our A-R pass",
         inv_2019("2024-en-headline-cut", "en", when(2024, 4, 9, 14, 0, 0),
                  Person("Jonathan Whitmore-Blake",
                         headline="Chief Revenue Officer @ Fabrikam | Board Advisor | Angel Investor | "
                                  "Keynote Speaker on Growth, GTM & Sales Leadership | Ex-Contoso, Ex-Northw…",
                         vanity="jwhitmoreblake", location="London Area, United Kingdom"),
                  mutual=27, ar=[ar_pass(Tok("2024-en-headline-cut-ar"))]))
    note300 = ("Your keynote on accessible design systems changed how our whole team works. We rebuilt "
               "our component library around your checklist and cut support tickets by a third. I'd "
               "love to stay in touch and maybe invite you to our meetup in Leeds next spring. No "
               "pressure at all, and thank you!")
    case("2020-en-note-300", "invitation", "likely",
         "2019+ format, en, personal note of exactly 300 characters including greeting and signature",
         inv_2019("2020-en-note-300", "en", when(2020, 1, 20, 20, 20, 20),
                  Person("Aisha Bello", headline="Design Systems Lead at Wingtip Toys", vanity="aishabello",
                         location="Leeds, England, United Kingdom"), note300, mutual=2))
    assert len(note_block(note300, "Hi Bob,", "- Aisha", "\n")) == 300, len(note_block(note300, "Hi Bob,", "- Aisha", "\n"))
    case("2019-en-html-only-mixed-entities", "invitation", "unverified",
         "2019+ format, en, HTML only, named and numeric entities alternating, &amp; in headline, personal note",
         inv_2019("2019-en-html-only-mixed-entities", "en", when(2019, 7, 1, 7, 1, 0),
                  Person("Zoë Marchetti-Hale", headline="Brand Strategist @ Fabrikam | Writer & Café owner…",
                         vanity="zoe-marchetti-hale", location="Brighton, England, United Kingdom"),
                  "Loved your thread on naming things. Fancy a café au lait & a chat next time I'm in town?",
                  mutual=4, variant="html-only", entity_style="mixed"))
    case("2019-en-guest", "invitation", "likely",
         "2019+ format, en, X-LinkedIn-Class INVITE-GUEST (to a non-member): no mutual, no PYMK block, no note",
         inv_2019("2019-en-guest", "en", when(2019, 4, 4, 4, 4, 4),
                  Person("Evelyn Ward", headline="Owner, Ward Bakery", vanity="evelyn-ward-bakes",
                         location="Bristol, England, United Kingdom"), klass="INVITE-GUEST", pymk=0))
    case("2025-en-no-note-no-ar", "invitation", "likely",
         "2019+ format, en, no note, 12 mutual, no Authentication-Results at all (authentic by rule)",
         inv_2019("2025-en-no-note-no-ar", "en", when(2025, 1, 27, 11, 30, 0),
                  Person("Noah Schmidt", headline="Backend Engineer | Go, Rust | Open source",
                         vanity="noah-schmidt-dev", location="Vienna, Austria"), mutual=12))
    case("2021-de-personal", "invitation", "unverified",
         "2019+ format, de, personal note 'Hallo Klaus,' … '- Lukas', '12 gemeinsame Kontakte'",
         inv_2019("2021-de-personal", "de", when(2021, 9, 14, 7, 7, 7),
                  Person("Lukas Hoffmann", headline="Senior Consultant bei Contoso | SAP S/4HANA",
                         vanity="lukas-hoffmann-sap", location="München, Bayern, Deutschland"),
                  "wir haben uns auf der Hannover Messe am Stand von Fabrikam kennengelernt. Ich würde "
                  "mich freuen, in Kontakt zu bleiben.", mutual=12))
    case("2022-de-variant-stock", "invitation", "unverified",
         "2019+ format, de, stock-note variant 'Ich möchte mich gerne mit Ihnen auf LinkedIn vernetzen.', our A-R pass",
         inv_2019("2022-de-variant-stock", "de", when(2022, 10, 4, 6, 50, 0),
                  Person("Martin Keller", headline="Einkaufsleiter | Globex", vanity="martin-keller-einkauf",
                         location="Stuttgart, Baden-Württemberg, Deutschland"), S["variant"]["de"], mutual=4,
                  ar=[ar_pass(Tok("2022-de-variant-stock-ar"))]))
    case("2023-de-no-note", "invitation", "unverified",
         "2019+ format, de, no note, '1 gemeinsamer Kontakt', Q-encoded From with ü",
         inv_2019("2023-de-no-note", "de", when(2023, 5, 5, 5, 5, 5),
                  Person("Sabine Krüger", headline="Personalreferentin bei Globex", vanity="sabinekrueger",
                         location="Köln, Nordrhein-Westfalen, Deutschland"), mutual=1))
    case("2020-fr-no-note", "invitation", "unverified",
         "2019+ format, fr, no note, '12 relations en commun'",
         inv_2019("2020-fr-no-note", "fr", when(2020, 10, 12, 13, 45, 0),
                  Person("Sophie Martin", headline="Responsable RH chez Vandelay Industries | Recrutement & Marque employeur",
                         vanity="sophie-martin-rh", location="Lyon, Auvergne-Rhône-Alpes, France"), mutual=12))
    case("2022-es-personal-pct-vanity", "invitation", "unverified",
         "2019+ format, es, personal note 'Hola Lucía,', '12 contactos en común', percent-encoded vanity URL",
         inv_2019("2022-es-personal-pct-vanity", "es", when(2022, 2, 2, 22, 2, 2),
                  Person("Diego Ramírez", headline="Ingeniero de datos en Fabrikam",
                         vanity="diego-ram%C3%ADrez-4b2a1c", location="Sevilla, Andalucía, España"),
                  "coincidimos en el meetup de Python en Sevilla. ¡Me encantaría seguir en contacto!",
                  mutual=12))
    case("2021-es-variant-stock", "invitation", "unverified",
         "2019+ format, es, stock-note variant 'Me gustaría conectar contigo en LinkedIn.'",
         inv_2019("2021-es-variant-stock", "es", when(2021, 4, 27, 19, 0, 0),
                  Person("Raúl Castillo", headline="Jefe de ventas en Tailspin Toys", vanity="raul-castillo-ventas",
                         location="Valencia, Comunidad Valenciana, España"), S["variant"]["es"], mutual=3))
    case("2024-es-no-note", "invitation", "unverified",
         "2019+ format, es, no note, '1 contacto en común'",
         inv_2019("2024-es-no-note", "es", when(2024, 11, 11, 11, 11, 11),
                  Person("Marta Iglesias", headline="Abogada laboralista", vanity="marta-iglesias-abogada",
                         location="Bilbao, País Vasco, España"), mutual=1))
    case("2024-pt-no-note-b-subject", "invitation", "unverified",
         "2019+ format, pt, no note, '12 conexões em comum', B-encoded subject and From",
         inv_2019("2024-pt-no-note-b-subject", "pt", when(2024, 3, 18, 15, 0, 0),
                  Person("Beatriz Gonçalves", headline="Advogada | Direito Digital | LGPD",
                         vanity="beatriz-goncalves-adv", location="São Paulo, São Paulo, Brasil"),
                  mutual=12, subj_enc="B", name_enc="B"))
    case("2020-pt-personal", "invitation", "unverified",
         "2019+ format, pt, personal note 'Olá João,' with signature",
         inv_2019("2020-pt-personal", "pt", when(2020, 8, 25, 12, 12, 0),
                  Person("Tiago Mendes", headline="Gerente de produto na Globex", vanity="tiagomendes",
                         location="Lisboa, Portugal"),
                  "foi ótimo conversar na conferência de gestão de projetos em Lisboa. Vamos manter contato?",
                  mutual=6))
    case("2021-it-voglio-no-note", "invitation", "unverified",
         "2019+ format, it, subject 'Voglio collegarmi', no note, '12 collegamenti in comune'",
         inv_2019("2021-it-voglio-no-note", "it", when(2021, 12, 1, 9, 30, 0),
                  Person("Luca Ferrari", headline="Ingegnere meccanico presso Fabrikam", vanity="luca-ferrari-ing",
                         location="Torino, Piemonte, Italia"), mutual=12))
    case("2023-it-variant-stock", "invitation", "unverified",
         "2019+ format, it, stock-note variant 'Vorrei collegarmi con te su LinkedIn.', '1 collegamento in comune'",
         inv_2019("2023-it-variant-stock", "it", when(2023, 7, 19, 17, 45, 0),
                  Person("Chiara Romano", headline="Project Manager | PMP", vanity="chiara-romano-pmp",
                         location="Milano, Lombardia, Italia"), S["variant"]["it"], mutual=1))
    case("2020-nl-personal", "invitation", "unverified",
         "2019+ format, nl, personal note 'Hallo Pieter,', '12 gemeenschappelijke connecties'",
         inv_2019("2020-nl-personal", "nl", when(2020, 3, 10, 10, 3, 0),
                  Person("Eva Bakker", headline="Beleidsmedewerker bij Waterschap Lekdal", vanity="evabakker",
                         location="Utrecht, Nederland"),
                  "we zaten samen in de werkgroep klimaatadaptatie. Leuk om hier ook verbonden te zijn!",
                  mutual=12))
    case("2022-nl-variant-stock", "invitation", "unverified",
         "2019+ format, nl, stock-note variant 'Ik wil graag met je connecten op LinkedIn.'",
         inv_2019("2022-nl-variant-stock", "nl", when(2022, 12, 12, 12, 12, 0),
                  Person("Lotte Mulder", headline="HR-adviseur bij Contoso", vanity="lottemulder",
                         location="Groningen, Nederland"), S["variant"]["nl"], mutual=5))
    case("2024-nl-no-note", "invitation", "unverified",
         "2019+ format, nl, no note, '1 gemeenschappelijke connectie'",
         inv_2019("2024-nl-no-note", "nl", when(2024, 6, 6, 6, 6, 6),
                  Person("Thijs de Jong", headline="Docent economie | Hogeschool Zuidkust", vanity="thijsdejong",
                         location="Middelburg, Zeeland, Nederland"), mutual=1))


def build_reminders():
    case("2012-en-reminder-repeats-personal-note", "reminder", "confirmed",
         "reminder 'Reminder about your invitation from <Full>' (2008–13), 'This is a reminder that on …', "
         "repeats the personal note in '> ' quoted lines",
         rem_old("2012-en-reminder-repeats-personal-note", when(2012, 3, 10, 12, 0, 0),
                 Person("Victoria Hughes"), when(2012, 3, 3),
                 note="Great meeting you at the Chicago marketing summit.\nLet's stay in touch."))
    case("2011-en-reminder-repeats-stock-note", "reminder", "confirmed",
         "reminder (2008–13), repeats the stock note",
         rem_old("2011-en-reminder-repeats-stock-note", when(2011, 8, 22, 6, 30, 0),
                 Person("Benjamin Price"), when(2011, 8, 15), note=STOCK["2008"]["en"]))
    case("2013-en-reminder-no-note", "reminder", "likely",
         "reminder (2008–13) without the quoted original: note null",
         rem_old("2013-en-reminder-no-note", when(2013, 4, 2, 18, 0, 0), Person("Isabel Romero"),
                 when(2013, 3, 26)))
    case("2017-en-reminder-waiting", "reminder", "likely",
         "reminder '<First>'s invitation is waiting for your response' (email_m2m_invite_reminder_02), 2014–18 layout",
         rem_new("2017-en-reminder-waiting", "en", when(2017, 5, 23, 14, 30, 0),
                 Person("Natalie Fischer", headline="Business Analyst at Contoso"), days=7))
    case("2021-en-reminder-waiting", "reminder", "likely",
         "reminder '<First>'s invitation is waiting…', 2019+ links (/comm/in/<vanity>)",
         rem_new("2021-en-reminder-waiting", "en", when(2021, 10, 4, 8, 15, 0),
                 Person("Arjun Mehta", headline="Founder @ Lumen Analytics | Data for good",
                        vanity="arjun-mehta-2b9c41"), days=14, layout="2019"))
    case("2018-de-reminder-waiting", "reminder", "unverified",
         "reminder, de, 'Die Einladung von Jürgen wartet auf Ihre Antwort' (Q-encoded subject)",
         rem_new("2018-de-reminder-waiting", "de", when(2018, 2, 8, 9, 0, 0),
                 Person("Jürgen Weiß", headline="Vertriebsleiter bei Tailspin Toys"), days=7))


def li_footer(kind):
    return ("\n\n.....................................\n\nYou are receiving %s emails.\n\n"
            "This email was intended for {rname} ({rhead}).\n"
            "Learn why we included this: https://www.linkedin.com/help/linkedin/answer/4788?lang=en\n"
            "© 2017 LinkedIn Corporation, 2029 Stierlin Court, Mountain View CA 94043. LinkedIn and the "
            "LinkedIn logo are registered trademarks of LinkedIn." % kind)


def li_html(lines):
    return ('<html><head><meta http-equiv="Content-Type" content="text/html;charset=utf-8"/></head>'
            '<body style="font-family:Helvetica,Arial,sans-serif"><table width="512" align="center">'
            '<tr><td><img src="https://static.licdn.com/scds/common/u/images/email/phoenix/logos/'
            'logo_phoenix_header_blue_78x66_v1.png" width="34" height="34" alt="LinkedIn"/></td></tr>\n'
            + "\n".join("<tr><td>%s</td></tr>" % x for x in lines) +
            '\n<tr><td style="font-size:12px;color:#737373">This email was intended for {rname} ({rhead}).'
            '</td></tr></table></body></html>\n')


TRK = "trk=eml-{tpl}-cta&lipi=urn%3Ali%3Apage%3Aemail_{tpl}%3B{tok}%3D%3D"


def build_linkedin():
    def add(slug, marker, desc, **kw):
        t = kw.pop("t")
        case(slug, "linkedin", marker, desc, li_notice(slug, t, **kw))

    add("2008-en-acceptance", "confirmed", "acceptance 2008: '<Full> has accepted your LinkedIn invitation'",
        t=when(2008, 9, 2, 10, 0, 0), sender="member@linkedin.com", display="Tom Walsh via LinkedIn",
        subject="Tom Walsh has accepted your LinkedIn invitation", tpl=None, klass=None, era="2008", cte="7bit",
        text="LinkedIn\n------------\n\nTom Walsh has accepted your invitation to connect.\n\n"
             "View Tom Walsh's profile:\nhttp://www.linkedin.com/e/{lid}/vap/{tok}/EML_acc_vap/\n\n"
             "Now that you are connected, you can see Tom's connections and reach out to their network.\n\n"
             "-- \n(c) 2008, LinkedIn Corporation")
    add("2016-en-acceptance", "confirmed",
        "acceptance ~2016–20: '<RFirst>, start a conversation with your new connection, <Full>'",
        t=when(2016, 10, 3, 19, 22, 0), sender="invitations@linkedin.com", display="Tom Walsh",
        subject="{r}, start a conversation with your new connection, Tom Walsh",
        tpl="email_accept_invite_single_01", klass="EMAIL-DEFAULT",
        text="Congratulations! You have a new connection.\n\nTom Walsh\nLogistics Coordinator at Northwind "
             "Traders\n\nStart a conversation: https://www.linkedin.com/comm/messaging/compose?connId=74123&"
             + TRK + "\n\nView profile: https://www.linkedin.com/comm/profile/view?id=AAsAABZ3x9kBq2&" + TRK
             + li_footer("Invitation acceptance"),
        html_body=li_html(["<p>Congratulations! You have a new connection.</p>",
                           "<p><b>Tom Walsh</b><br/>Logistics Coordinator at Northwind Traders</p>",
                           '<p><a href="https://www.linkedin.com/comm/messaging/compose?connId=74123&amp;'
                           'trk=eml-{tpl}-cta">Start a conversation</a></p>']))
    add("2024-en-acceptance", "confirmed",
        "acceptance 2024–25: '<First> accepted your invitation, explore their network'",
        t=when(2024, 8, 20, 16, 4, 0), sender="invitations@linkedin.com", display="Tom Walsh",
        subject="Tom accepted your invitation, explore their network", era="2024",
        tpl="email_accept_invite_single_01", klass="EMAIL-DEFAULT",
        text="Tom Walsh accepted your invitation\nLogistics Coordinator at Northwind Traders\n\n"
             "Message: https://www.linkedin.com/comm/messaging/compose?connId=74123&" + TRK + "\n\n"
             "Explore Tom's network: https://www.linkedin.com/comm/search/results/people/?network=S&" + TRK
             + li_footer("notification"))
    add("2017-en-digest", "unverified", "digest 'You have 3 new invitations' (email_m2m_invite_digest_02), names without Accept links",
        t=when(2017, 11, 20, 7, 0, 0), sender="invitations@linkedin.com", display="LinkedIn",
        subject="You have 3 new invitations", tpl="email_m2m_invite_digest_02", klass=None,
        text="{r}, you have 3 new invitations\n\nHannah Lee\nData Scientist at Hooli\n\nMarcus Bell\n"
             "Operations Lead at Globex Corporation\n\nSamuel Osei\nFounder, Osei Consulting\n\n"
             "See all invitations: https://www.linkedin.com/comm/mynetwork/invitation-manager/?" + TRK
             + li_footer("Invitation"))
    add("2019-de-digest", "unverified", "digest, de: 'Sie haben 4 neue Einladungen'",
        t=when(2019, 12, 9, 7, 0, 0), sender="invitations@linkedin.com", display="LinkedIn", lang="de",
        subject="Sie haben 4 neue Einladungen", tpl="email_m2m_invite_digest_02", klass=None, era="2024",
        text="{r}, Sie haben 4 neue Einladungen\n\nAnja Schröder\nProjektleiterin bei Fabrikam\n\n"
             "Lukas Hoffmann\nSenior Consultant bei Contoso\n\nund 2 weitere\n\n"
             "Alle Einladungen anzeigen: https://www.linkedin.com/comm/mynetwork/invitation-manager/?" + TRK
             + "\n\nDiese E-Mail ist für {rname} ({rhead}) bestimmt.\n© 2019 LinkedIn Ireland Unlimited Company, "
               "Wilton Plaza, Wilton Place, Dublin 2.")
    add("2020-en-pymk", "likely", "People You May Know: 'Add <Full> - <headline>', 'Do you know <First>?', send-invite link, mutual count",
        t=when(2020, 2, 17, 18, 0, 0), sender="messages-noreply@linkedin.com", display="LinkedIn",
        subject="Add Carlos Ruiz - Data Engineer at Vandelay Industries", tpl="email_pymk_02", klass=None,
        era="2024",
        text="Do you know Carlos?\n\nCarlos Ruiz\nData Engineer at Vandelay Industries\n12 connections in common\n\n"
             "Connect: https://www.linkedin.com/comm/mynetwork/send-invite/carlos-ruiz-7b1a2c?" + TRK + "\n\n"
             "View profile: https://www.linkedin.com/comm/in/carlos-ruiz-7b1a2c?" + TRK
             + li_footer("People You May Know notification"))
    uuid = "5d1c7e2a-3f4b-4c6d-8e9f-0a1b2c3d4e5f"
    add("2026-en-inmail", "confirmed", "InMail: inmail-hit-reply@, Class INMAIL, Reply-To @reply.linkedin.com, /messaging/thread/, m- envelope",
        t=when(2026, 1, 14, 15, 30, 0), sender="inmail-hit-reply@linkedin.com", display="Priya Raman via LinkedIn",
        subject="Head of Communications role at Contoso", tpl="email_inmail_v2", klass="INMAIL", era="2024",
        rp_style="m", reply_to="Priya Raman <%s@reply.linkedin.com>" % uuid,
        text="Hi {r},\n\nI came across your profile and your work on crisis communications stood out. We are "
             "hiring a Head of Communications at Contoso. Would you be open to a short call next week?\n\n"
             "Best,\nPriya\n\nReply: https://www.linkedin.com/comm/messaging/thread/2-ZTQ5MWJmNzQtYmE0Zi00?" + TRK
             + "\n\nPriya Raman\nHead of Talent at Contoso" + li_footer("InMail"))
    add("2018-en-member-message", "likely", "member message '<Full> sent you a message' (email_member_message_v2)",
        t=when(2018, 4, 26, 21, 10, 0), sender="messages-noreply@linkedin.com", display="Tom Walsh",
        subject="Tom Walsh sent you a message", tpl="email_member_message_v2", klass="MBR-TO-MBR",
        text="Tom Walsh\nLogistics Coordinator at Northwind Traders\n\nHey Bob, thanks for connecting! Are you "
             "going to the supply chain forum in May?\n\nReply: https://www.linkedin.com/comm/messaging/thread/"
             "6391234567890123456/?" + TRK + li_footer("Message"))
    add("2022-en-messaging-digest", "likely", "messaging digest 'You have 2 new messages' (email_type_messaging_digest)",
        t=when(2022, 5, 30, 6, 0, 0), sender="messaging-digest-noreply@linkedin.com", display="LinkedIn",
        subject="You have 2 new messages", tpl="email_type_messaging_digest", klass=None, era="2024",
        text="You have 2 new messages\n\nTom Walsh: Are you going to the forum?\nPriya Raman: Following up on "
             "my last note\n\nView messages: https://www.linkedin.com/comm/messaging/?" + TRK
             + li_footer("messaging digest"))
    add("2021-en-group-invitation", "likely", "group invitation '<Full> invited you to join <Group>' (groups-noreply@), has an Accept link",
        t=when(2021, 1, 12, 12, 0, 0), sender="groups-noreply@linkedin.com", display="LinkedIn",
        subject="Hannah Lee invited you to join Open Data Practitioners", tpl="email_groups_invitation_01",
        klass=None, era="2024",
        text="Hannah Lee invited you to join Open Data Practitioners\n\nOpen Data Practitioners\n"
             "4,812 members\n\nAccept: https://www.linkedin.com/comm/groups/4123456/invitation/accept/?" + TRK
             + "\nView group: https://www.linkedin.com/comm/groups/4123456/?" + TRK + li_footer("group"))
    add("2022-en-page-follow", "likely", "page invitation '<Full> invited you to follow <Company>'",
        t=when(2022, 6, 1, 13, 0, 0), sender="notifications-noreply@linkedin.com", display="LinkedIn",
        subject="Laura Chen invited you to follow Hooli", tpl="email_organization_follow_invite_01",
        klass=None, era="2024",
        text="Laura Chen invited you to follow Hooli\n\nHooli\nSoftware Development · 12,345 followers\n\n"
             "Follow: https://www.linkedin.com/comm/company/hooli/?" + TRK + li_footer("notification"))
    add("2023-fr-page-follow", "likely", "page invitation, fr: '<Full> vous a invité à suivre <Company>'",
        t=when(2023, 3, 8, 9, 0, 0), sender="notifications-noreply@linkedin.com", display="LinkedIn",
        lang="fr", subject="Sophie Martin vous a invité à suivre Vandelay Industries",
        tpl="email_organization_follow_invite_01", klass=None, era="2024",
        text="Sophie Martin vous a invité à suivre Vandelay Industries\n\nVandelay Industries\n"
             "Import et export · 2 310 abonnés\n\nSuivre : https://www.linkedin.com/comm/company/vandelay/?" + TRK
             + "\n\nCet e-mail est destiné à {rname} ({rhead}).\n© 2023 LinkedIn Ireland Unlimited Company, "
               "Wilton Plaza, Wilton Place, Dublin 2.")
    add("2023-en-newsletter-invitation", "likely", "newsletter invitation '<Full> invited you to subscribe to <Newsletter>'",
        t=when(2023, 9, 19, 15, 0, 0), sender="newsletters-noreply@linkedin.com", display="LinkedIn",
        subject="Michael Brooks invited you to subscribe to Comms Weekly", tpl="email_newsletter_invite_01",
        klass=None, era="2024",
        text="Michael Brooks invited you to subscribe to Comms Weekly\n\nComms Weekly\nA weekly newsletter on "
             "corporate communications\n\nSubscribe: https://www.linkedin.com/comm/newsletters/comms-weekly-"
             "6912345678901234567/?" + TRK + li_footer("newsletter"))
    add("2024-en-event-invitation", "unverified", "event invitation '<Full> invited you to attend <Event>'",
        t=when(2024, 2, 26, 10, 30, 0), sender="notifications-noreply@linkedin.com", display="LinkedIn",
        subject="Hannah Lee invited you to attend Data Days 2024", tpl="email_event_invite_01",
        klass=None, era="2024",
        text="Hannah Lee invited you to attend Data Days 2024\n\nThu, Apr 18, 2024, 9:00 AM\nOnline event\n\n"
             "Attend: https://www.linkedin.com/comm/events/7161234567890123456/?" + TRK + li_footer("event"))
    add("2023-en-job-alert-8bit", "confirmed", "job alert (jobalerts-noreply@, Class SAVEDSEARCH), 8bit body",
        t=when(2023, 11, 6, 5, 0, 0), sender="jobalerts-noreply@linkedin.com", display="LinkedIn Job Alerts",
        subject='"communications manager": Fabrikam - Communications Manager and more',
        tpl="email_job_alert_digest_01", klass="SAVEDSEARCH", era="2024", cte="8bit",
        text="Your job alert for communications manager\n10 new jobs match your preferences.\n\n"
             "Communications Manager\nFabrikam · München, Bayern, Deutschland\n"
             "View job: https://www.linkedin.com/comm/jobs/view/3771234567/?" + TRK + "\n\n"
             "Head of Internal Communications\nContoso · Zürich (Hybrid) · 120 000 CHF – 140 000 CHF\n"
             "View job: https://www.linkedin.com/comm/jobs/view/3771234568/?" + TRK + li_footer("Job alert"))
    add("2022-en-job-application", "confirmed", "job mail 'your application was sent to <Company>' (jobs-noreply@, JOBS-TO-MBR)",
        t=when(2022, 10, 17, 14, 0, 0), sender="jobs-noreply@linkedin.com", display="LinkedIn",
        subject="{r}, your application was sent to Hooli", tpl="email_application_confirmation_with_nba_01",
        klass="JOBS-TO-MBR", era="2024",
        text="Your application was sent to Hooli\n\nSenior Communications Manager\nHooli · Palo Alto, CA\n"
             "Applied on October 17, 2022\n\nView job: https://www.linkedin.com/comm/jobs/view/3312345678/?" + TRK
             + li_footer("job application"))
    add("2021-en-weekly-analytics", "likely", "weekly analytics 'You appeared in 14 searches this week'",
        t=when(2021, 6, 28, 8, 0, 0), sender="notifications-noreply@linkedin.com", display="LinkedIn",
        subject="You appeared in 14 searches this week", tpl="email_weekly_analytics_recap_v2", klass=None,
        era="2024",
        text="You appeared in 14 searches this week\n\nYour searchers work at: Contoso, Fabrikam, Hooli\n\n"
             "See all searches: https://www.linkedin.com/comm/me/search-appearances/?" + TRK
             + li_footer("weekly analytics"))
    add("2019-en-profile-views", "unverified", "profile views '<RFirst>, 5 people viewed your profile'",
        t=when(2019, 5, 13, 17, 0, 0), sender="notifications-noreply@linkedin.com", display="LinkedIn",
        subject="{r}, 5 people viewed your profile", tpl="email_wvmp_01", klass=None, era="2024",
        text="5 people viewed your profile in the past week\n\nA Talent Acquisition Partner at Initech\n"
             "Someone at Globex Corporation\n\nSee all views: https://www.linkedin.com/comm/me/profile-views/?"
             + TRK + li_footer("profile views notification"))
    add("2014-en-welcome", "confirmed", "welcome mail (welcome@, Class WELCOME)",
        t=when(2014, 1, 8, 12, 0, 0), sender="welcome@linkedin.com", display="LinkedIn",
        subject="{r}, welcome to LinkedIn!", tpl="email_welcome_01", klass="WELCOME",
        text="Welcome to LinkedIn, {r}!\n\nHere are three steps to get started:\n1. Add a profile photo\n"
             "2. Find people you know\n3. Follow companies you care about\n\n"
             "Get started: https://www.linkedin.com/comm/onboarding/start/?" + TRK + li_footer("welcome"))
    add("2024-en-security-pin", "confirmed", "security notice 'here's your PIN' (security-noreply@)",
        t=when(2024, 7, 2, 3, 14, 0), sender="security-noreply@linkedin.com", display="LinkedIn",
        subject="{r}, here's your PIN", tpl="email_security_pin_01", klass="EMAIL-DEFAULT", era="2024",
        text="Hi {r},\n\nPlease use this verification code to complete your sign in: 482913\n\n"
             "If you didn't try to sign in, change your password: https://www.linkedin.com/comm/psettings/"
             "change-password?" + TRK + li_footer("security"))
    c = li_notice("2023-en-marketing-premium", when(2023, 4, 4, 16, 0, 0), "linkedin@e.linkedin.com", "LinkedIn",
                  "{r}, try Premium for free", "email_premium_upsell_01", None,
                  "Try 1 month of Premium for free\n\nSee who viewed your profile in the last 90 days, and get "
                  "InMail credits.\n\nStart free trial: https://www.linkedin.com/comm/premium/products/?" + TRK
                  + li_footer("Premium marketing"), era="2024")
    c.set("Return-Path", "<bounce-%s@e.linkedin.com>" % Tok("mkt").b36(30))
    case("2023-en-marketing-premium", "linkedin", "confirmed",
         "marketing from e.linkedin.com (subdomain envelope): 'try Premium for free'", c)


def build_phish():
    S = STOCK
    laura = Person("Laura Chen", headline="Talent Acquisition Partner at Initech", location="Greater Seattle Area")

    c = inv_2016("phish-lookalike-lindkedin", "en", when(2016, 11, 2, 4, 12, 0), laura, S["2015"]["en"],
                 from_hdr="Laura Chen <invitations@lindkedin.com>", link_host="www.lindkedin.com")
    foreign(c, "bounce-4471@lindkedin.com", helo="mx1.lindkedin.com")
    case("phish-lookalike-lindkedin", "phish", "likely",
         "phish: 2016 copy sent from look-alike lindkedin.com, links to www.lindkedin.com", c, authentic=False)

    sam = Person("Samantha Reyes", headline="HR Business Partner | People & Culture", vanity="samantha-reyes-hr",
                 location="Greater Chicago Area")
    c = inv_2019("phish-domain-linkedin-com-example-net", "en", when(2021, 5, 17, 1, 2, 3), sam, mutual=9,
                 from_hdr="Samantha Reyes <invitations@linkedin.com.example.net>",
                 link_host="www.linkedin.com.example.net")
    foreign(c, "noreply@linkedin.com.example.net", helo="linkedin.com.example.net")
    case("phish-domain-linkedin-com-example-net", "phish", "likely",
         "phish: 2019+ copy from linkedin.com.example.net (linkedin.com as a left-hand label)", c, authentic=False)

    c = inv_old("phish-2010-zeus-linkedln", "en", when(2010, 9, 28, 10, 44, 0), Person("Marcus Reed"),
                S["2008"]["en"], subject="Invitation to connect on LinkedIn", cte="7bit", link_host="linkedln.com",
                from_hdr="Marcus Reed via LinkedIn <member@linkedln.com>")
    c.set("Sender", "messages-noreply@bounce.linkedln.com")
    foreign(c, "messages-noreply@bounce.linkedln.com", ip="198.51.100.%d", helo="linkedln.com")
    case("phish-2010-zeus-linkedln", "phish", "confirmed",
         "phish: 2010 fake contact request (Zeus wave) from linkedln.com (l for i), Sender forged too", c,
         authentic=False)

    c = inv_2019("phish-domain-linkedin-mail-net", "en", when(2022, 11, 29, 23, 5, 0),
                 Person("Kenji Watanabe", headline="Investment Director at Fabrikam Capital", vanity="kenji-watanabe",
                        location="Tokyo, Japan"), mutual=31,
                 from_hdr="Kenji Watanabe <invitations@linkedin-mail.net>", link_host="linkedin-mail.net")
    foreign(c, "bounces@linkedin-mail.net", helo="smtp.linkedin-mail.net")
    case("phish-domain-linkedin-mail-net", "phish", "likely",
         "phish: look-alike linkedin-mail.net (sender and links)", c, authentic=False)

    c = inv_2019("phish-freemail-display-linkedin", "en", when(2023, 1, 9, 9, 9, 9),
                 Person("Daniel Okafor", headline="Managing Director | Okafor Energy Holdings", vanity="daniel-okafor",
                        location="Lagos, Nigeria"), mutual=48,
                 from_hdr="LinkedIn <linkedin.notification2023@freemail.example.com>",
                 link_host="okafor-energy.example.com")
    foreign(c, "linkedin.notification2023@freemail.example.com", helo="freemail.example.com")
    case("phish-freemail-display-linkedin", "phish", "likely",
         "phish: free-mail sender with display name 'LinkedIn'; inviter name taken from the body", c,
         authentic=False)

    c = inv_2016("phish-genuine-from-foreign-links", "en", when(2017, 8, 14, 12, 0, 0),
                 Person("Helen Marsh", headline="Procurement Manager at Northwind Traders", location="Leeds, United Kingdom"),
                 S["2015"]["en"], link_host="linkedin.connect-secure.example.net")
    case("phish-genuine-from-foreign-links", "phish", "confirmed",
         "phish: everything genuine-looking (From invitations@linkedin.com, bounce Return-Path) except the "
         "Accept and View-profile links, which go to linkedin.connect-secure.example.net", c, authentic=False)

    c = inv_2019("phish-our-ar-dkim-dmarc-fail", "en", when(2024, 9, 16, 10, 0, 0),
                 Person("Rebecca Stone", headline="Partner at Stone & Vale LLP", vanity="rebecca-stone-law",
                        location="New York, New York, United States"), mutual=7,
                 ar=["%s; dkim=fail header.d=linkedin.com; dmarc=fail header.from=linkedin.com" % MX])
    case("phish-our-ar-dkim-dmarc-fail", "phish", "confirmed",
         "phish: perfect copy, but our own A-R (mx.example.org) says dkim=fail for linkedin.com and dmarc=fail", c,
         authentic=False)

    c = inv_2019("phish-foreign-ar-pass-ours-fail", "en", when(2025, 3, 3, 13, 30, 0),
                 Person("Victor Lindqvist", headline="Head of Treasury at Contoso", vanity="victor-lindqvist",
                        location="Stockholm, Sweden"), mutual=15,
                 ar=[ar_fail()])
    c.insert("Authentication-Results", "evil.example.net; dkim=pass header.d=linkedin.com; "
             "dmarc=pass header.from=linkedin.com", before="From")	# came with the mail
    case("phish-foreign-ar-pass-ours-fail", "phish", "confirmed",
         "phish: links fine; an A-R from evil.example.net claims dkim=pass, ours (mx.example.org) says fail", c,
         authentic=False)

    case("phish-2013-fax-lure", "phish", "confirmed",
         "phish: 2013 sample, forged Received from mailc-aa.linkedin.com, JavaMail Message-ID dated 2037, copied "
         "X-LinkedIn-*, foreign envelope, fax lure with base64 HTML attachment (JavaScript)",
         phish_fax_2013("phish-2013-fax-lure"))
    case("phish-pending-connections", "phish", "likely",
         "phish: 'You have 3 pending connections' credential phish, HTML only, no inviter named, mojibake ©",
         phish_pending("phish-pending-connections"))

    c = inv_2019("phish-subdomain-trick", "en", when(2024, 10, 21, 6, 45, 0),
                 Person("Amir Rahimi", headline="CTO at Wingtip Toys", vanity="amir-rahimi-cto",
                        location="Toronto, Ontario, Canada"), mutual=3,
                 from_hdr="Amir Rahimi <invitations@linkedin.com.evil.example>",
                 link_host="www.linkedin.com.evil.example")
    foreign(c, "invitations@linkedin.com.evil.example", helo="linkedin.com.evil.example")
    case("phish-subdomain-trick", "phish", "likely",
         "phish: invitations@linkedin.com.evil.example (linkedin.com is not the registered domain)", c,
         authentic=False)

    c = inv_2019("phish-substring-domain", "en", when(2024, 12, 2, 8, 0, 0),
                 Person("Grace Okonkwo", headline="Executive Assistant to the CEO at Globex", vanity="grace-okonkwo",
                        location="Abuja, Nigeria"), "Please accept, I have a business proposal for you.", mutual=2,
                 from_hdr="Grace Okonkwo <invitations@linkedin.company.example>",
                 link_host="linkedin.company.example")
    foreign(c, "invitations@linkedin.company.example", helo="mail.linkedin.company.example")
    case("phish-substring-domain", "phish", "likely",
         "phish: linkedin.company.example (contains 'linkedin' as a label, not a subdomain of linkedin.com)", c,
         authentic=False)

    c = inv_2016("phish-sender-foreign", "en", when(2018, 1, 16, 15, 15, 0),
                 Person("Paul Henderson", headline="Regional Manager at Dunmore Paper", location="Scranton, Pennsylvania"),
                 S["2015"]["en"])
    c.insert("Sender", "LinkedIn <bulk@mailer.example.net>", before="From")
    case("phish-sender-foreign", "phish", "unverified",
         "phish: From invitations@linkedin.com but Sender: bulk@mailer.example.net (Sender decides)", c,
         authentic=False)

    c = inv_2016("phish-return-path-foreign", "en", when(2013, 12, 4, 11, 0, 0),
                 Person("Lisa Grant", headline="Marketing Manager at Contoso", location="Boston, Massachusetts"),
                 S["2008"]["en"], sign=True, subject="Invitation to connect on LinkedIn")
    foreign(c, "www-data@shop.example.net", helo="shop.example.net")
    case("phish-return-path-foreign", "phish", "confirmed",
         "phish: From on linkedin.com and links fine, foreign envelope (Return-Path www-data@shop.example.net)", c,
         authentic=False)

    case("phish-confirm-mojibake", "phish", "likely",
         "phish: 'Confirm that you know …', look-alike linkedin-notify.example.com, intended for someone else, mojibake ©, text only",
         phish_confirm("phish-confirm-mojibake"))

    c = inv_2019("phish-de-lookalike", "de", when(2022, 4, 25, 5, 30, 0),
                 Person("Stefan Vogel", headline="Geschäftsführer bei Vogel Immobilien", vanity="stefan-vogel",
                        location="Frankfurt am Main, Hessen, Deutschland"), mutual=22,
                 from_hdr="Stefan Vogel <einladungen@linkedin-kontakt.example>", link_host="linkedin-kontakt.example")
    foreign(c, "einladungen@linkedin-kontakt.example", helo="linkedin-kontakt.example")
    case("phish-de-lookalike", "phish", "likely",
         "phish, de: look-alike linkedin-kontakt.example", c, authentic=False)

    case("phish-2012-fake-reminder", "phish", "confirmed",
         "phish: 2012 fake reminder (Cridex wave) — kind reminder, not authentic: foreign envelope and links",
         phish_reminder_2012("phish-2012-fake-reminder"), kind="reminder")


FWD_OLD = """LinkedIn
------------

     Jane Porter requested to add you as a connection on LinkedIn:

------------------------------------------

Bob,

I'd like to add you to my professional network on LinkedIn.

- Jane

Accept invitation from Jane Porter
http://www.linkedin.com/e/kq2h3p-gz8x5k1c-4j/p7q2z/blk/I2301955544_55/6lColZJrmZznQNdhjRQnOpBtn9QfmhBt71BoSd1p65Lr6lOfPdvej0ve3gPej0RckALqnFQiSBKjzlMckAPcjcVdjoMd3gLrCBxbOYW/EML_comm_afe/

View invitation from Jane Porter
http://www.linkedin.com/e/kq2h3p-gz8x5k1c-4j/p7q2z/blk/I2301955544_55/3wOtCVFbmdxnSVFbm8JrnpKqlZJrmZzbmNJpjRQnOpBtn9QfmhBt71BoSd1p65Lr6lOfPRwdz4RcP8SdzsVej0ODPAQiTBocBRsp6hBbPwPczoMcj8Sd3wLrCBxbOYWrSlI/svi/
"""


def build_layouts():
    """Layouts seen in real mail after the corpus was first written (facts §5):
    real 2016 mail with a blank line before "View profile" and the name in
    capitals in the body; the 2019+ note in quotes below the inviter block."""
    case("2016-en-stock-real-layout", "invitation", "confirmed",
         "2016 as in real mail: name in capitals in the text part, mixed case in From; "
         "a blank line between the headline and 'View profile:'",
         inv_2016("2016-en-stock-real-layout", "en", when(2016, 9, 14, 8, 12, 40),
                  Person("Gareth Lloyd-Evans", headline="Managing Director"), STOCK["2015"]["en"],
                  body_name="GARETH LLOYD-EVANS", blank_after_headline=True))
    case("2016-de-stock-real-layout", "invitation", "likely",
         "the same real 2016 layout in German",
         inv_2016("2016-de-stock-real-layout", "de", when(2016, 11, 2, 16, 40, 5),
                  Person("Katrin Vogel", headline="Geschäftsführerin"), STOCK["2015"]["de"],
                  body_name="KATRIN VOGEL", blank_after_headline=True))
    case("2022-en-note-below-quoted", "invitation", "unverified",
         "2019+ layout, the note (with greeting and signature) in quotes below the location and count",
         inv_2019("2022-en-note-below-quoted", "en", when(2022, 6, 8, 11, 5, 0),
                  Person("Tobias Reinholt", headline="Event Producer at Tailspin Toys",
                         vanity="tobias-reinholt", location="Copenhagen, Capital Region, Denmark"),
                  note="Great meeting you at the Nordic Comms Forum in Aarhus last week. Let's keep in touch.",
                  mutual=5, note_below=True, quoted=True))
    case("2023-en-one-word-location", "invitation", "unverified",
         "2019+ layout, a long headline and a location of one word that no pattern knows",
         inv_2019("2023-en-one-word-location", "en", when(2023, 5, 17, 10, 2, 0),
                  Person("Henrik Aalto", headline="Principal Engineer at Contoso | Distributed systems",
                         vanity="henrik-aalto", location="Helsinki"), mutual=4))
    case("2017-sv-personal", "invitation", "unverified",
         "2014-18 layout in Swedish, a language without patterns: name, headline and note by structure",
         inv_2016("2017-sv-personal", "sv", when(2017, 3, 21, 9, 45, 0),
                  Person("Linnea Sjöberg", headline="Kommunikationschef på Contoso"),
                  "Vi träffades på konferensen i Göteborg förra månaden. Hör gärna av dig!", sign=True),
         language=None)
    case("2023-pl-personal", "invitation", "unverified",
         "2019+ layout in Polish, a language without patterns: name, headline, note, count by structure",
         inv_2019("2023-pl-personal", "pl", when(2023, 10, 5, 13, 20, 0),
                  Person("Małgorzata Wiśniewska", headline="Kierowniczka projektów w Fabrikam",
                         vanity="malgorzata-wisniewska", location="Kraków, Małopolskie, Polska"),
                  note="Poznaliśmy się na warsztatach w Krakowie. Chętnie zostanę w kontakcie.",
                  mutual=7), language=None)
    case("2024-pl-no-note", "invitation", "unverified",
         "2019+ layout in Polish without a note: the draft is written in the owner's language",
         inv_2019("2024-pl-no-note", "pl", when(2024, 2, 12, 7, 55, 0),
                  Person("Piotr Zieliński", headline="Inżynier oprogramowania w Northwind Traders",
                         vanity="piotr-zielinski-dev", location="Gdańsk, Pomorskie, Polska"),
                  mutual=2), language=None)


def build_none():
    def add(slug, desc, c, marker="n/a"):
        case(slug, "none", marker, desc, c)

    bob = "Bob Smith <bob.smith@example.org>"
    add("none-personal-dinner", "personal mail, plain text",
        plain("none-personal-dinner", when(2019, 3, 15, 18, 2, 0), "Alice Moreno <alice.moreno@example.com>", bob,
              "Dinner on Saturday?", "Hi Bob,\n\nAre you and Sam free on Saturday? We're trying the new Thai place "
              "on Elm Street. 7pm?\n\nAlice\n", cte="7bit"))
    nl_b = "=_nl_20240304_b7c1"
    add("none-newsletter-html", "newsletter (text+html) with a 'Follow us on LinkedIn' link and List-Unsubscribe",
        plain("none-newsletter-html", when(2024, 3, 4, 6, 0, 0), "The Monday Brief <newsletter@news.example.com>", bob,
              "The Monday Brief — 5 stories on product strategy",
              multipart(nl_b, [
                  leaf("text/plain", "THE MONDAY BRIEF\n\n1. Why roadmaps fail\n2. Pricing experiments that "
                       "worked\n3. The quiet power of changelogs\n\nFollow us on LinkedIn: https://www.linkedin.com/"
                       "company/monday-brief\nUnsubscribe: https://news.example.com/u/8f2a\n", "UTF-8",
                       "quoted-printable"),
                  leaf("text/html", "<html><body><h1>The Monday Brief</h1><ol><li>Why roadmaps fail</li>"
                       "<li>Pricing experiments that worked</li><li>The quiet power of changelogs</li></ol>"
                       '<p><a href="https://www.linkedin.com/company/monday-brief">Follow us on LinkedIn</a> · '
                       '<a href="https://news.example.com/u/8f2a">Unsubscribe</a></p></body></html>\n',
                       "UTF-8", "quoted-printable")]),
              ctype=ct_multipart("alternative", nl_b),
              extra=[("List-Unsubscribe", "<https://news.example.com/u/8f2a>, <mailto:unsub@news.example.com>"),
                     ("List-Id", "The Monday Brief <monday-brief.news.example.com>"), ("Precedence", "bulk")]))
    # the Subject of the newsletter has an em dash: encode it
    CASES[-1][4].set("Subject", enc_header("The Monday Brief — 5 stories on product strategy"))
    cal_b = "=_cal_7f3a"
    ics = ("BEGIN:VCALENDAR\nPRODID:-//Example Corp//Calendar 1.0//EN\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
           "DTSTART:20240514T100000Z\nDTEND:20240514T110000Z\nDTSTAMP:20240502T081500Z\n"
           "ORGANIZER;CN=Karen Li:mailto:karen.li@example.com\nUID:7f3a2c1e-quarterly@example.com\n"
           "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Bob Smith:mailto:bob.smith@example.org\n"
           "SUMMARY:Quarterly planning\nLOCATION:Room 4.12\nSEQUENCE:0\nSTATUS:CONFIRMED\nEND:VEVENT\nEND:VCALENDAR\n")
    add("none-calendar-invitation", "calendar invitation (text/calendar METHOD:REQUEST), subject 'Invitation: …'",
        plain("none-calendar-invitation", when(2024, 5, 2, 8, 15, 0), "Karen Li <karen.li@example.com>", bob,
              "Invitation: Quarterly planning @ Tue 14 May 2024 10:00 - 11:00 (UTC) (bob.smith@example.org)",
              multipart(cal_b, [
                  leaf("text/plain", "You have been invited to the following event.\n\nQuarterly planning\n"
                       "When: Tue 14 May 2024 10:00 - 11:00 (UTC)\nWhere: Room 4.12\n\nAccept: https://calendar."
                       "example.com/rsvp?e=7f3a&r=yes\nDecline: https://calendar.example.com/rsvp?e=7f3a&r=no\n",
                       "UTF-8", "7bit"),
                  leaf("text/calendar; method=REQUEST", ics, "UTF-8", "7bit")]),
              ctype=ct_multipart("alternative", cal_b)))
    add("none-add-me-on-linkedin", "personal follow-up that says 'add me on LinkedIn' with a /in/ link",
        plain("none-add-me-on-linkedin", when(2018, 10, 22, 9, 30, 0), "Owen Barker <owen.barker@example.net>", bob,
              "Great meeting you at the conference",
              "Hi Bob,\n\nGreat meeting you at the comms conference last week. Let's keep in touch — add me on "
              "LinkedIn: https://www.linkedin.com/in/owenbarker\n\nI want to connect you with my colleague Dana, "
              "who runs our press office.\n\nCheers,\nOwen\n"))
    add("none-recruiter-with-linkedin-link", "recruiter mail from a staffing agency (not LinkedIn) citing a LinkedIn profile",
        plain("none-recruiter-with-linkedin-link", when(2021, 2, 8, 14, 0, 0),
              "Megan Ross <megan.ross@talentbridge.example.com>", bob, "Head of Communications opportunity",
              "Hi Bob,\n\nI found your profile on LinkedIn and think you'd be a great fit for a Head of "
              "Communications role with one of our clients. Would you be open to a quick chat?\n\n"
              "Megan Ross\nSenior Recruiter, TalentBridge Staffing\nhttps://www.linkedin.com/in/meganross-talent\n",
              cte="quoted-printable"))
    add("none-order-confirmation-html", "shop order confirmation, HTML only",
        plain("none-order-confirmation-html", when(2022, 11, 25, 10, 5, 0), "Example Shop <orders@shop.example.com>", bob,
              "Your order #100-4412 has shipped",
              "<html><body><h2>Thanks for your order!</h2><p>Order #100-4412: 1 &times; USB-C dock &mdash; "
              "&euro;89.00</p><p>Track it here: <a href=\"https://shop.example.com/track/100-4412\">track "
              "package</a></p></body></html>\n", ctype="text/html", cte="quoted-printable"))
    add("none-out-of-office", "auto-reply (Auto-Submitted: auto-replied)",
        plain("none-out-of-office", when(2023, 8, 1, 7, 0, 0), "Sam Patel <sam.patel@example.com>", bob,
              "Automatic reply: Project update", "I am out of the office until 14 August with limited access to "
              "email. For urgent matters please contact ops@example.com.\n", cte="7bit",
              extra=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")]))
    dsn_b = "4RvBz21h3Nz9sX.1693561230/mx.example.org"
    dsn = multipart(dsn_b, [
        leaf("text/plain", "This is the mail system at host mx.example.org.\n\nI'm sorry to have to inform you "
             "that your message could not be delivered to one or more recipients.\n\n<old.address@example.net>: "
             "host mail.example.net said: 550 5.1.1 User unknown\n", "US-ASCII", "7bit",
             extra=[("Content-Description", "Notification")]),
        header_block([("Content-Description", "Delivery report"), ("Content-Type", "message/delivery-status")])
        + b"\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; old.address@example.net\n"
          b"Action: failed\nStatus: 5.1.1\n",
        header_block([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")])
        + b"\nFrom: Bob Smith <bob.smith@example.org>\nTo: old.address@example.net\nSubject: Re: I want to connect\n"
          b"Date: Fri, 1 Sep 2023 09:40:28 +0000\n"])
    c = plain("none-dsn-bounce", when(2023, 9, 1, 9, 40, 30), "MAILER-DAEMON@mx.example.org (Mail Delivery System)",
              bob, "Undelivered Mail Returned to Sender", dsn,
              ctype='multipart/report; report-type=delivery-status;\n\tboundary="%s"' % dsn_b, rp="")
    c.set("Return-Path", "<>")
    add("none-dsn-bounce", "delivery status notification (multipart/report), Return-Path <>", c)
    add("none-meetup-invitation", "event invitation from a meetup site: 'You're invited'",
        plain("none-meetup-invitation", when(2024, 2, 20, 12, 0, 0), "Data Meetups <events@meetups.example.net>", bob,
              "You're invited: Data Days 2024 meetup", "Hi Bob,\n\nYou're invited to Data Days 2024 on April 18.\n\n"
              "RSVP: https://meetups.example.net/e/data-days-2024/rsvp\n\nSee you there!\n", cte="7bit"))
    add("none-mailing-list-linkedin-api", "mailing-list post discussing the LinkedIn API (List-Id, subject tag)",
        plain("none-mailing-list-linkedin-api", when(2020, 7, 7, 19, 0, 0), "Ines Duarte <ines@example.net>",
              "civic-tech@lists.example.org", "[civic-tech] LinkedIn API rate limits changed?",
              "Has anyone else seen 429s from the LinkedIn share API since Monday? Our invitation-import script "
              "broke.\n\n-- \nInes\n_______________________________________________\ncivic-tech mailing list\n"
              "https://lists.example.org/listinfo/civic-tech\n", cte="7bit",
              extra=[("List-Id", "Civic tech discussion <civic-tech.lists.example.org>"), ("Precedence", "list"),
                     ("Sender", "civic-tech-bounces@lists.example.org")]))
    CASES[-1][4].set("Delivered-To", "bob.smith@example.org")
    klaus = "Klaus Becker <k.becker@example.org>"
    add("none-bank-latin1-qp", "bank notice, de, ISO-8859-1 quoted-printable body, Q-encoded subject",
        plain("none-bank-latin1-qp", when(2021, 4, 1, 5, 0, 0), "Musterbank <service@musterbank.example.com>", klaus,
              enc_header("Ihr Kontoauszug für März ist verfügbar", "Q", "ISO-8859-1"),
              "Sehr geehrter Herr Becker,\n\nIhr Kontoauszug für März steht im Online-Banking für Sie bereit.\n\n"
              "Mit freundlichen Grüßen\nIhre Musterbank\n", charset="ISO-8859-1", cte="quoted-printable"))
    add("none-es-personal-cp1252", "personal mail, es, windows-1252 8bit body (curly quotes, €)",
        plain("none-es-personal-cp1252", when(2022, 5, 12, 20, 0, 0), "Pilar Soto <pilar.soto@example.com>",
              "Lucía Fernández <lucia.fernandez@example.org>".replace("Lucía Fernández", enc_header("Lucía Fernández")),
              enc_header("¿Cenamos el viernes?"),
              "¡Hola Lucía!\n\n¿Cenamos el viernes? El menú “degustación” cuesta 35 € por persona.\n\nUn beso,\nPilar\n",
              charset="windows-1252", cte="8bit"))
    add("none-chinese-subject-b", "mail with a Chinese B-encoded subject and UTF-8 base64 body",
        plain("none-chinese-subject-b", when(2023, 6, 30, 3, 0, 0), "%s <li.wei@example.com>" % enc_header("李伟", "B"),
              bob, enc_header("会议纪要：第二季度计划", "B"), "Bob，你好：\n\n附上第二季度计划的会议纪要，请查收。\n\n李伟\n",
              cte="base64"))
    add("none-other-network-de", "contact request from another (non-LinkedIn) network, de: 'möchte sich mit Ihnen vernetzen' with Accept link",
        plain("none-other-network-de", when(2019, 10, 1, 8, 0, 0), "BizNet <noreply@biznet.example.com>", klaus,
              enc_header("Max Mustermann möchte sich mit Ihnen vernetzen"),
              "Hallo Klaus Becker,\n\nMax Mustermann möchte sich mit Ihnen auf BizNet vernetzen.\n\n"
              "Max Mustermann\nVertriebsleiter bei Beispiel AG\n\nKontaktanfrage annehmen: "
              "https://www.biznet.example.com/contacts/accept/8812\n", cte="quoted-printable"))
    add("none-other-network-en", "'<Full> wants to connect with you on TeamHub' from a non-LinkedIn service",
        plain("none-other-network-en", when(2022, 3, 14, 16, 0, 0), "TeamHub <notifications@teamhub.example.net>", bob,
              "Jordan Miles wants to connect with you on TeamHub",
              "Jordan Miles wants to connect with you on TeamHub.\n\nJordan Miles\nEngineering Manager at "
              "Contoso\n\nAccept: https://teamhub.example.net/connect/accept/5521\n", cte="7bit"))
    c = plain("none-forged-x-linkedin-headers", when(2019, 1, 28, 9, 0, 0), "Acme HR <hr@acme.example.com>", bob,
              "Benefits enrollment closes Friday",
              "Hi all,\n\nReminder: benefits enrollment for 2019 closes this Friday. Log in to the HR portal to "
              "review your choices.\n\nAcme HR\n", cte="7bit",
              extra=[("X-LinkedIn-Class", "INVITE-MBR"), ("X-LinkedIn-Template", TPL),
                     ("X-LinkedIn-fbl", "m2-" + Tok("forged").b36(72)), ("X-LinkedIn-Id", Tok("forged2").lid())])
    add("none-forged-x-linkedin-headers", "ordinary company mail carrying forged X-LinkedIn-* headers (normal sender and subject)", c)
    add("none-linkedin-substring-sender", "personal mail from a domain containing 'linkedin' (linkedin-alumni.example.org), normal subject",
        plain("none-linkedin-substring-sender", when(2020, 11, 3, 12, 0, 0), "Ravi Shah <ravi@linkedin-alumni.example.org>",
              bob, "Lunch next week?", "Bob,\n\nLunch next Tuesday? I'm near your office.\n\nRavi\n", cte="7bit"))
    add("none-fwd-invitation-inline", "'Fwd: Invitation to connect on LinkedIn' from a friend, the 2012 invitation quoted inline",
        plain("none-fwd-invitation-inline", when(2012, 5, 14, 19, 20, 0), "Mark Tanner <mark.tanner@example.com>", bob,
              "Fwd: Invitation to connect on LinkedIn",
              "Bob, do you know this woman? She sent me the same thing.\n\nMark\n\n---------- Forwarded message "
              "----------\nFrom: Jane Porter via LinkedIn <member@linkedin.com>\nDate: Mon, May 14, 2012 at 9:02 AM\n"
              "Subject: Invitation to connect on LinkedIn\nTo: Mark Tanner <mark.tanner@example.com>\n\n\n" + FWD_OLD,
              cte="7bit"))
    # forward as attachment: a complete 2019+ invitation inside message/rfc822
    inner = inv_2019("fw-inner", "en", when(2021, 8, 2, 9, 0, 0),
                     Person("Oscar Lindgren", headline="Account Director at Fabrikam", vanity="oscar-lindgren",
                            location="Stockholm, Sweden"), mutual=4)
    for h in ("Return-Path", "Delivered-To", "Received"):
        inner.drop(h)
    fw_b = "_004_DB7PR01MB5561A1B2C3D4E5F6EXAMPLE_"
    fw = multipart(fw_b, [
        leaf("text/plain", "Bob — is this guy for real? He messaged three people on my team.\n\nNina\n", "UTF-8",
             "quoted-printable"),
        header_block([("Content-Type", "message/rfc822"),
                      ("Content-Disposition", 'attachment; filename="I want to connect.eml"')]) + b"\n" + inner.raw()])
    add("none-fw-invitation-attached", "'FW: I want to connect' from a colleague, the 2021 invitation attached as message/rfc822",
        plain("none-fw-invitation-attached", when(2021, 8, 2, 10, 30, 0), "Nina Patel <nina.patel@example.com>", bob,
              "FW: I want to connect", fw, ctype=ct_multipart("mixed", fw_b)))
    add("none-wg-de-forward", "'WG:' (de forward) of a 2016 invitation, Outlook-style inline header block",
        plain("none-wg-de-forward", when(2016, 5, 18, 9, 30, 0), "Monika Braun <monika.braun@example.com>", klaus,
              enc_header("WG: Klaus, bitte fügen Sie mich zu Ihrem LinkedIn-Netzwerk hinzu"),
              "Hallo Klaus,\n\nkennst du die? Sie hat mich auch angeschrieben.\n\nMonika\n\n"
              "-----Ursprüngliche Nachricht-----\nVon: Anja Schröder <invitations@linkedin.com>\n"
              "Gesendet: Mittwoch, 18. Mai 2016 09:58\nAn: Monika Braun <monika.braun@example.com>\n"
              "Betreff: Monika, bitte fügen Sie mich zu Ihrem LinkedIn-Netzwerk hinzu\n\nHallo Monika,\n\n"
              "Ich würde mich gerne Ihrem LinkedIn-Netzwerk anschließen.\n\nAnja Schröder\nProjektleiterin bei "
              "Fabrikam\nProfil anzeigen: https://www.linkedin.com/comm/profile/view?id=AAsAAAbc12XyZ&authType=name\n\n"
              "Annehmen: https://www.linkedin.com/comm/people/invite-accept?mboxid=I6137712345678901234_500&"
              "sharedKey=Ab3_dE9f&invitationId=6137712345678901234\n", cte="quoted-printable"))
    claire = "Claire Dubois <claire.dubois@example.org>"
    add("none-tr-fr-forward", "'TR:' (fr forward) of a 2012 invitation",
        plain("none-tr-fr-forward", when(2012, 11, 6, 15, 0, 0), "Paul Girard <paul.girard@example.com>", claire,
              enc_header("TR: Invitation à se connecter sur LinkedIn"),
              "Claire, tu connais cette personne ?\n\nPaul\n\n-------- Message transféré --------\n"
              "De : Jane Porter via LinkedIn <member@linkedin.com>\nObjet : Invitation à se connecter sur LinkedIn\n\n"
              + FWD_OLD, cte="8bit"))
    add("none-rv-es-forward", "'RV:' (es forward) of a 2019+ invitation",
        plain("none-rv-es-forward", when(2023, 2, 7, 11, 0, 0), address("Andrés Vidal", "andres.vidal@example.com"),
              "Lucía Fernández <lucia.fernandez@example.org>".replace("Lucía Fernández", enc_header("Lucía Fernández")),
              enc_header("RV: Quiero conectar contigo"),
              "Lucía, ¿sabes quién es?\n\nAndrés\n\n________________________________\nDe: Diego Ramírez "
              "<invitations@linkedin.com>\nEnviado: martes, 7 de febrero de 2023 10:40\nAsunto: Quiero conectar "
              "contigo\n\nDiego Ramírez\nIngeniero de datos en Fabrikam\n12 contactos en común\n\nAceptar: "
              "https://www.linkedin.com/comm/mynetwork/invite-accept/invitationId/7028812345678901234/sharedKey/"
              "Xy12_ab3/\n", cte="quoted-printable"))
    add("none-i-it-forward", "'I:' (it forward) of a 2021 'Voglio collegarmi' invitation",
        plain("none-i-it-forward", when(2021, 12, 1, 10, 0, 0), "Paolo Greco <paolo.greco@example.com>",
              "Giulia Rossi <giulia.rossi@example.org>", "I: Voglio collegarmi",
              "Giulia, lo conosci?\n\nPaolo\n\n-----Messaggio originale-----\nDa: Luca Ferrari "
              "<invitations@linkedin.com>\nOggetto: Voglio collegarmi\n\nLuca Ferrari\nIngegnere meccanico presso "
              "Fabrikam\n12 collegamenti in comune\n\nAccetta: https://www.linkedin.com/comm/mynetwork/invite-accept/"
              "invitationId/7139912345678901234/sharedKey/Qw12_er3/\n", cte="8bit"))
    add("none-doorst-nl-forward", "'Doorst:' (nl forward) of a 2020 invitation",
        plain("none-doorst-nl-forward", when(2020, 3, 10, 12, 0, 0), "Joris Visser <joris.visser@example.com>",
              "Pieter de Vries <pieter.devries@example.org>", "Doorst: Ik wil graag met je connecten",
              "Pieter, ken jij haar?\n\nJoris\n\n-----Oorspronkelijk bericht-----\nVan: Eva Bakker "
              "<invitations@linkedin.com>\nOnderwerp: Ik wil graag met je connecten\n\nEva Bakker\nBeleidsmedewerker "
              "bij Waterschap Lekdal\n12 gemeenschappelijke connecties\n\nAccepteren: https://www.linkedin.com/comm/"
              "mynetwork/invite-accept/invitationId/7041112345678901234/sharedKey/Po90_iu8/\n", cte="7bit"))
    add("none-re-i-want-to-connect", "'Re: I want to connect': a person's reply quoting a LinkedIn invitation",
        plain("none-re-i-want-to-connect", when(2022, 9, 9, 9, 0, 0), "Laura Chen <laura.chen@example.com>", bob,
              "Re: I want to connect",
              "Hi Bob,\n\nThanks for accepting! Yes, it's me from the Seattle offsite. Coffee soon?\n\nLaura\n\n"
              "On Thu, Sep 8, 2022 at 4:10 PM LinkedIn <invitations@linkedin.com> wrote:\n> Laura Chen\n"
              "> Talent Acquisition Partner at Initech\n> 4 connections in common\n>\n> Accept: "
              "https://www.linkedin.com/comm/mynetwork/invite-accept/invitationId/7106612345678901234/sharedKey/Lk34_mn5/\n",
              cte="7bit"))
    add("none-i-want-to-connect-personal", "personal mail with subject 'I want to connect' (no LinkedIn trait)",
        plain("none-i-want-to-connect-personal", when(2023, 1, 16, 8, 30, 0), "Dana Whitfield <dana.whitfield@example.net>",
              bob, "I want to connect", "Hi Bob,\n\nI want to connect you with Marco, our new head of press. He "
              "would love 20 minutes with you next week to hear how Acme runs media training.\n\nDana\n", cte="7bit"))

    # -- malformed and unusual MIME
    mb = "=_missing_close_91"
    add("none-mime-missing-close-boundary", "multipart/alternative whose closing boundary is missing",
        plain("none-mime-missing-close-boundary", when(2020, 2, 2, 2, 2, 2), "Tariq Aziz <tariq.aziz@example.com>", bob,
              "Slides from Tuesday", multipart(mb, [leaf("text/plain", "Hi Bob, slides attached in the shared drive.\n",
                                                         "UTF-8", "7bit"),
                                                    leaf("text/html", "<p>Hi Bob, slides are in the shared drive.",
                                                         "UTF-8", "7bit")], close=False),
              ctype=ct_multipart("alternative", mb)))
    add("none-mime-boundary-undeclared", "Content-Type multipart/mixed without a boundary parameter",
        plain("none-mime-boundary-undeclared", when(2020, 2, 3, 3, 3, 3), "Build Bot <ci@build.example.com>", bob,
              "Nightly build #4412 failed",
              b"--xyz\nContent-Type: text/plain\n\nBuild #4412 failed at step 'test'.\n--xyz--\n",
              ctype="multipart/mixed"))
    add("none-mime-wrong-cte", "declares Content-Transfer-Encoding: base64 but the body is plain text",
        Case(plain("none-mime-wrong-cte", when(2020, 2, 4, 4, 4, 4), "Helen Ng <helen.ng@example.com>", bob,
                   "Minutes, team sync", "x", cte="7bit").headers,
             b"Minutes of today's sync:\n- ship v2.3 on Thursday!\n- Bob to draft the press note (due 12/03).\n",
             exp_none()))
    CASES[-1][4].set("Content-Transfer-Encoding", "base64")
    add("none-mime-unknown-charset", "text/plain with charset=x-unknown and 8-bit bytes",
        Case(plain("none-mime-unknown-charset", when(2020, 2, 5, 5, 5, 5), "Yuki Sato <yuki.sato@example.com>", bob,
                   "Re: budget", "x", charset="x-unknown", cte="8bit").headers,
             "Numbers look fine. ¥120,000 for the venue — OK?\n".encode("utf-8") + b"\xa4\xa2\xa4\xea\n", exp_none()))
    o, a, r = "=_outer_m1", "=_alt_a2", "=_rel_r3"
    png = base64.encodebytes(bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d"
                                           "4944415478da63f8cfc0f01f0005000201a5f2e5b60000000049454e44ae426082"))
    pdf = base64.encodebytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    related = multipart(r, [leaf("text/html", '<html><body><p>Hi Bob, see the chart:</p><img src="cid:chart1@example.com">'
                                 '</body></html>\n', "UTF-8", "quoted-printable"),
                            header_block([("Content-Type", "image/png"), ("Content-Transfer-Encoding", "base64"),
                                          ("Content-ID", "<chart1@example.com>")]) + b"\n" + png])
    alt = multipart(a, [leaf("text/plain", "Hi Bob, see the chart (attached report too).\n", "UTF-8", "7bit"),
                        header_block([("Content-Type", ct_multipart("related", r))]) + b"\n" + related])
    nested = multipart(o, [header_block([("Content-Type", ct_multipart("alternative", a))]) + b"\n" + alt,
                           header_block([("Content-Type", 'application/pdf; name="report.pdf"'),
                                         ("Content-Transfer-Encoding", "base64"),
                                         ("Content-Disposition", 'attachment; filename="report.pdf"')]) + b"\n" + pdf],
                       preamble="This is a multi-part message in MIME format.")
    add("none-mime-nested", "nested multiparts: mixed > (alternative > (text, related > (html, png)), pdf)",
        plain("none-mime-nested", when(2021, 5, 5, 15, 0, 0), "Omar Farouk <omar.farouk@example.com>", bob,
              "Q1 report", nested, ctype=ct_multipart("mixed", o)))
    deep = leaf("text/plain", "bottom of the nest\n", "US-ASCII", "7bit")
    for i in range(40, 0, -1):
        deep = header_block([("Content-Type", ct_multipart("mixed", "d%02d" % i))]) + b"\n" + multipart("d%02d" % i, [deep])
    top, body = deep.split(b"\n\n", 1)
    add("none-mime-deep-nesting", "40 levels of nested multipart/mixed (bounded-depth parser test)",
        plain("none-mime-deep-nesting", when(2021, 5, 6, 1, 0, 0), "fuzz <fuzz@example.net>", bob, "nest", body,
              ctype=ct_multipart("mixed", "d01")))
    c = plain("none-empty-body", when(2021, 7, 7, 7, 7, 7), "Eli Brandt <eli.brandt@example.com>", bob, "(no subject)",
              "", cte="7bit")
    c.body = b""
    add("none-empty-body", "headers, blank line, empty body", c)
    c = plain("none-headers-only", when(2021, 7, 8, 8, 8, 8), "Eli Brandt <eli.brandt@example.com>", bob, "ping",
              "", cte="7bit")
    c._raw = header_block(c.headers)
    add("none-headers-only", "headers only: no blank line and no body at all", c)
    c = plain("none-invalid-utf8", when(2021, 7, 9, 9, 9, 9), "Eli Brandt <eli.brandt@example.com>", bob,
              "Broken bytes", "x", cte="8bit")
    c.body = b"Caf\xe9 at 10? \xff\xfe broken \xc3( utf-8 \xe2\x82 here\n"
    add("none-invalid-utf8", "declares UTF-8, contains invalid UTF-8 byte sequences", c)
    e_b = "=_empty_parts"
    add("none-mime-empty-parts", "multipart/alternative whose parts are empty",
        plain("none-mime-empty-parts", when(2021, 7, 10, 10, 10, 10), "Eli Brandt <eli.brandt@example.com>", bob,
              "empty parts", b"--" + e_b.encode() + b"\nContent-Type: text/plain\n\n\n--" + e_b.encode() +
              b"\nContent-Type: text/html\n\n\n--" + e_b.encode() + b"--\n", ctype=ct_multipart("alternative", e_b)))


# ===================================================================== 5. checks and output

KEYS = {"file", "kind", "authentic", "inviter", "note", "note_kind", "claim", "claim_org", "mutual",
        "language", "verdict", "reasons", "actions"}
INVITER_KEYS = {"name", "headline", "profile_url", "email"}

SAMPLE_FILES = {   # contrib/samples/<name>  <-  corpus case slug
    "invitation-2019-en-personal-note.eml": "2019-en-personal",
    "invitation-2016-en-stock.eml": "2016-en-stock",
    "invitation-claim-mismatch-2010.eml": "2010-en-claim-colleague",
    "invitation-2021-de-personal-note.eml": "2021-de-personal",
    "reminder-2017.eml": "2017-en-reminder-waiting",
    "linkedin-acceptance-2016.eml": "2016-en-acceptance",
    "phish-lookalike.eml": "phish-lookalike-lindkedin",
    "ordinary-mail.eml": "none-personal-dinner",
}


def build_judgement():
    """Issue 15: invitations written outside this project that a careful person judges
    differently from a word-matcher: evidence over one sign, roles over words."""
    def add(slug, desc, c, marker="unverified", **over):
        case(slug, "judgement", marker, desc, c, **over)

    t = when(2025, 2, 3, 9, 0, 0)
    # our own A-R pass outweighs a forwarder's envelope (SRS)
    tok = Tok("2025-en-srs-forwarded-ar-pass")
    srs = "SRS0=x7Qf=UK=bounce.linkedin.com=s-%s@fwd.example.net" % tok.b36(20)
    c = inv_2019("2025-en-srs-forwarded-ar-pass", "en", t,
                 Person("Nadia Karim", headline="Civic Tech Engineer at Tailspin Toys", vanity="nadia-karim",
                        location="Oslo, Norway"), mutual=4, ar=[ar_pass(tok)])
    foreign(c, srs, helo="fwd.example.net")
    add("2025-en-srs-forwarded-ar-pass",
        "genuine invitation forwarded: envelope rewritten by SRS at fwd.example.net, our A-R (added here, above "
        "our Received) says dkim=pass and dmarc=pass for linkedin.com: authentic", c)

    # a link the inviter wrote in the note is the inviter's, not a template link
    add("2025-en-note-with-link",
        "genuine invitation whose personal note links to the inviter's portfolio (not LinkedIn's): authentic",
        inv_2019("2025-en-note-with-link", "en", when(2025, 2, 4, 10, 0, 0),
                 Person("Tomas Reyes", headline="Illustrator | Editorial & Children's Books", vanity="tomas-reyes",
                        location="Valencia, Spain"),
                 "Your talk on accessible charts stayed with me. My portfolio: https://portfolio.example.com/tomas",
                 mutual=2))

    # a pass that came with the mail (ours, below our Received) is forged and counts for nothing
    c = inv_2019("2025-en-forged-ar-pass", "en", when(2025, 2, 5, 2, 0, 0),
                 Person("Grant Hollis", headline="Chief of Staff at Contoso", vanity="grant-hollis",
                        location="Dublin, Ireland"), mutual=5)
    foreign(c, "bounce@mailer.example.net", helo="mailer.example.net")
    c.insert("Authentication-Results", "%s; dkim=pass header.d=linkedin.com header.i=@linkedin.com; "
             "dmarc=pass header.from=linkedin.com" % MX, before="From")
    add("2025-en-forged-ar-pass",
        "phish: foreign envelope with a forged, unstamped 'mx.example.org; dkim=pass' A-R (it came with "
        "the mail, RFC 8601 §5; our verifier stamps its own): ignored", c, authentic=False)

    # IDN homographs: the sender decides first
    c = inv_2019("2025-en-homograph-cyrillic", "en", when(2025, 2, 6, 3, 0, 0),
                 Person("Ava Brooks", headline="Partner at Brooks Advisory", vanity="ava-brooks",
                        location="London, United Kingdom"), mutual=11,
                 from_hdr="Ava Brooks <invitations@xn--lnkedn-pvfe.com>", link_host="www.xn--lnkedn-pvfe.com")
    foreign(c, "bounces@xn--lnkedn-pvfe.com", helo="mail.xn--lnkedn-pvfe.com")
    add("2025-en-homograph-cyrillic",
        "phish: from l\u0456nked\u0456n.com (Cyrillic \u0456, xn--lnkedn-pvfe.com on the wire), links there too",
        c, authentic=False)
    c = li_notice("2025-en-homograph-notice", when(2025, 2, 7, 4, 0, 0), "messages-noreply@xn--linkedn-0nf.com",
                  "LinkedIn", "{r}, you have 1 new invitation", "email_m2m_invite_digest_01", "INVITE-MBR",
                  "You have 1 new invitation.\n\nSee it: https://www.xn--linkedn-0nf.com/comm/mynetwork/\n")
    foreign(c, "messages-noreply@xn--linkedn-0nf.com", helo="mail.xn--linkedn-0nf.com")
    c.expect = expectation("invitation", False, note_kind="none")
    add("2025-en-homograph-notice",
        "phish: '{first}, you have 1 new invitation' (no subject gate) from linked\u03b9n.com (Greek iota, "
        "xn--linkedn-0nf.com): decided from the sender", c)

    # free-mail: LinkedIn's name on a gmail.com address
    c = inv_2019("2025-en-freemail-sender", "en", when(2025, 2, 8, 5, 0, 0),
                 Person("Leo Park", headline="Director at Park Ventures", vanity="leo-park",
                        location="Seoul, South Korea"), mutual=3,
                 from_hdr="LinkedIn <linkedin.invitations.team@gmail.com>", link_host="www.linkedin.com")
    foreign(c, "linkedin.invitations.team@gmail.com", helo="mail-sor-f41.google.example")
    add("2025-en-freemail-sender", "phish: display name LinkedIn on a gmail.com address", c,
        authentic=False, name="Leo Park")

    # pitches are roles, not words
    for slug, lang, who, headline in (
            ("2025-en-engineer-at-insurance", "en", "Mia Keller", "Software Engineer at Zurich Insurance"),
            ("2025-es-engineer-at-seguros", "es", "Pablo Ortega", "Ingeniero de software at Porto Seguros"),
            ("2025-en-mortgage-data-scientist", "en", "Ivy Chen", "Data Scientist, Mortgage Risk Models"),
            ("2025-en-commercial-lawyer", "en", "Oscar Lund", "Commercial Lawyer at Baker Partners"),
            ("2025-nl-engineer-at-verzekeringen", "nl", "Sanne Bakker",
             "Data engineer bij Nationale-Nederlanden Verzekeringen")):
        add(slug, "not a pitch: %r (%s notification): the employer's name or a field of work is no role"
            % (headline, lang),
            inv_2019(slug, lang, when(2025, 2, 9, 6, 0, 0), Person(who, headline=headline,
                                                                     vanity=who.lower().replace(" ", "-"))))
    add("2025-en-selling-note",
        "pitch: a note that sells ('cut your print costs by 30 %'), whatever the headline",
        inv_2019("2025-en-selling-note", "en", when(2025, 2, 10, 7, 0, 0),
                 Person("Rory Quinn", headline="Founder at PrintWise", vanity="rory-quinn"),
                 "We help companies cut their print costs by 30 % in three months. Could we book a call?"))


def unfold(v):
    return re.sub(r"\n[ \t]+", " ", v or "")


def decode_hdr(v):
    return str(email.header.make_header(email.header.decode_header(unfold(v))))


def domain_of(addr):
    m = re.search(r"<([^<>]*)>\s*$", addr or "")
    a = m.group(1) if m else (addr or "").strip()
    return a.rsplit("@", 1)[-1].lower() if "@" in a else ""


def is_linkedin_host(host):
    host = host.lower()
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def our_results(raw_headers):
    """Our verifier's A-R as the milter judges them: the delivery trace at the top (Return-Path,
    Delivered-To, X-Original-To, our Received) is what the milter never saw, and our Received
    gives the queue id; then a stamped one with that id counts, an unstamped one on top only
    when it says fail (and not at all when another is stamped), one below a Received never."""
    run, qid, seen, below = True, None, [], False
    for n, v in raw_headers:
        n, v = n.lower(), unfold(v)
        if run and n in ("return-path", "delivered-to", "x-original-to"):
            continue
        if run and n == "received" and re.search(r"\bby %s\b" % re.escape(MX), v):
            m = re.search(r"\bid (\w+)", v)
            qid = m.group(1) if m else qid
            continue
        if n == "authentication-results":
            aid, _, job = v.split(";", 1)[0].strip().partition("/")
            if aid == MX:
                seen.append((v, below, job))
                continue
        run = False
        below = below or n == "received"
    stamped = any(qid and job == qid for _, _, job in seen)
    trusted = [v for v, below, job in seen if not below and job and job == qid]
    fail_only = [v for v, below, job in seen if not below and not job and not stamped]
    return trusted, fail_only


def rule_authentic(c, raw_headers):
    """The authenticity rule of the brief, applied to what the builder produced: only our own
    A-R counts, and only above our Received (added on this host); its pass outweighs the
    envelope, its fail or a foreign template link (Accept, View profile) makes phish."""
    def get(name):
        return [v for n, v in raw_headers if n.lower() == name]
    sender = get("sender")
    frm = get("from")
    ours, fail_only = our_results(raw_headers)
    for ar in ours + fail_only:
        if re.search(r"dmarc=fail\b", ar):	# a failed DKIM signature is as if absent
            return False
    passed = any(re.search(r"(?:dkim=pass\b[^;]*header\.d=linkedin\.com|dmarc=pass\b)", ar) for ar in ours)
    if not passed and any(re.search(r"\barc=pass\b", ar) for ar in ours):	# a trusted sealer's word
        passed = any(re.match(r"\s*i=\d+;\s*(?:[\w-]+\.)*google\.com;", unfold(v)) and
                     re.search(r"dkim=pass\b[^;]*header\.[di]=@?linkedin\.com", unfold(v))
                     for n, v in raw_headers if n.lower() == "arc-authentication-results")
    if passed and get("list-id"):	# a list passed LinkedIn's mail on: its Sender, From, footer
        return True
    if get("list-id"):
        sender = []	# a list's Sender names the list, not the writer
    if not is_linkedin_host(domain_of(sender[0] if sender else (frm[0] if frm else ""))):
        return False
    for u in c.links.values():
        if not is_linkedin_host(re.match(r"^[a-z]+://([^/?#]+)", u, re.I).group(1)):
            return False
    if passed:
        return True
    rp = get("return-path")
    return bool(rp) and is_linkedin_host(domain_of(rp[0]))


def texts_of(msg):
    """Decoded text of every text/plain and text/html leaf (html reduced to text)."""
    out, urls = [], []
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if (part.get("Content-Disposition") or "").lower().startswith("attachment"):
            continue
        data = part.get_payload(decode=True) or b""
        cs = part.get_content_charset() or "us-ascii"
        try:
            txt = data.decode(codec(cs.upper()))
        except (LookupError, UnicodeDecodeError):
            txt = data.decode("utf-8", "replace")
        if part.get_content_subtype() == "html":
            urls += [html.unescape(u) for u in re.findall(r'href="([^"]+)"', txt)]
            txt = re.sub(r'<div style="overflow:hidden;color:transparent[^>]*>.*?</div>', " ", txt, flags=re.S)
            txt = html.unescape(re.sub(r"<[^>]+>", "\n", txt))
        else:
            urls += re.findall(r"https?://\S+", txt)
        out.append("\n".join(re.sub(r"^> ?", "", ln) for ln in txt.split("\n")))
    return out, urls


def selfcheck(slug, c, raw):
    problems = []
    e = c.expect
    if b"\r" in raw:
        problems.append("CR in message")
    if e["kind"] not in ("invitation", "reminder"):
        for k in ("note", "note_kind", "claim", "claim_org", "mutual", "language"):
            if e[k] is not None:
                problems.append("%s must be null for kind %s" % (k, e["kind"]))
        if any(v is not None for v in e["inviter"].values()):
            problems.append("inviter must be null for kind %s" % e["kind"])
    if (e["authentic"] is None) != (e["kind"] == "none"):
        problems.append("authentic must be null exactly for kind none")
    if e["kind"] == "none":
        return problems
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    hdrs = [(n, v) for n, v in msg.items()]
    if rule_authentic(c, hdrs) != e["authentic"]:
        problems.append("authentic=%s but the rule says %s" % (e["authentic"], rule_authentic(c, hdrs)))
    if e["kind"] == "notification":
        return problems
    texts, urls = texts_of(msg)
    blob = collapse(" ".join(texts + [decode_hdr(msg["From"]), decode_hdr(msg["Subject"])]))
    inv = e["inviter"]
    for what in ("name", "headline"):
        if inv[what] is not None and inv[what] not in blob:
            problems.append("%s %r not found in message" % (what, inv[what]))
    if inv["email"] and inv["email"] not in msg["From"]:
        problems.append("email not in From")
    if inv["profile_url"] is not None and not getattr(c, "wrapped", False) and \
            inv["profile_url"] not in {normalize_profile_url(u) for u in urls}:
        problems.append("profile_url %r not among the links" % inv["profile_url"])
    if e["note"] is not None:
        for t in texts:
            if e["note"] not in collapse(t) and e["note"] not in collapse(without_cf(t)):
                problems.append("note not found in one of the text parts: %r" % e["note"][:40])
    if e["note_kind"] != (note_kind_of(e["note"]) if e["kind"] == "invitation" or e["note"] else None):
        problems.append("note_kind inconsistent")
    if e["mutual"] is not None and e["language"] and mutual_line(e["language"], e["mutual"]) not in blob:
        problems.append("mutual line not found")
    if e["claim_org"] is not None and e["claim_org"] not in blob:
        problems.append("claim_org not found")
    if e["note"] is not None and len(e["note"]) > 300:
        problems.append("note longer than 300")
    return problems


def check_json(path):
    with open(path, encoding="utf-8") as f:
        j = json.load(f)
    assert set(j) == KEYS, (path, set(j) ^ KEYS)
    assert set(j["inviter"]) == INVITER_KEYS, path
    assert j["file"] == os.path.basename(path)[:-5] + ".eml", path
    assert j["kind"] in ("invitation", "reminder", "notification", "none"), path
    assert (j["verdict"] is None) == (j["kind"] == "none" or (j["kind"] == "notification" and j["authentic"])), path
    return j


# The verdicts: reviewed by hand, kept in corpus-verdicts.txt (slug verdict reasons).
VERDICTS_FILE = os.path.join(HERE, "corpus-verdicts.txt")
# The actions of the default configuration (conf/linkedin-milter.conf).
DEFAULT_ACTIONS = {
    "accept": ("LinkedIn/Accept", "accept"), "consider": ("LinkedIn/Consider", None),
    "ask": ("LinkedIn/Review", "ask"), "decline": ("LinkedIn/Decline", "decline"),
    "ignore": ("LinkedIn/Ignore", None), "phish": ("Junk", None),
}


def load_verdicts():
    table = {}
    with open(VERDICTS_FILE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                slug, verdict, reasons = line.split()
                table[slug] = (verdict, reasons.split(","))
    return table


def with_verdict(exp, slug, table):
    """Add verdict, reasons and the default actions to an expectation."""
    exp = dict(exp)
    if exp["kind"] == "notification" and exp["authentic"]:
        exp["actions"] = ["folder:LinkedIn/Notifications"]
        return exp
    if exp["kind"] == "none":
        return exp
    verdict, reasons = table[slug]
    folder, draft = DEFAULT_ACTIONS[verdict]
    exp["verdict"], exp["reasons"] = verdict, reasons
    exp["actions"] = ["tag"] + (["explain"] if verdict == "phish" else []) + ["folder:" + folder]
    if draft and exp["authentic"]:
        exp["actions"].append("draft:" + draft)
    return exp


def readme(rows):
    out = ["linkedin-milter test corpus",
           "===========================",
           "",
           "Generated by ../make-corpus.py (python3 tests/data/make-corpus.py); do not edit by hand.",
           "Each NNN-name.eml is a raw RFC 5322 message (LF line endings); NNN-name.json is the",
           "expected test-mode output (linkedin-milter -c ../corpus.conf -t) for it. The verdicts",
           "and reasons come from ../corpus-verdicts.txt (reviewed by hand), the actions from the",
           "default configuration.",
           "",
           "All persons, companies, schools and addresses are invented; non-LinkedIn parties use",
           "example.org / example.com / example.net / *.example. Our authserv_id is mx.example.org.",
           "",
           "Marker = what linkedin-mail-facts.md says about the format the message imitates:",
           "confirmed / likely / unverified; n/a for ordinary non-LinkedIn mail. Every string in a",
           "language other than English (subjects, greetings, labels, footers, claim lines) and every",
           "template name not listed in the facts file was invented for this corpus: unverified.",
           "",
           "Conventions the expectations follow (beyond design.md §3 and §6):",
           "- note: greeting line ('Hi Bob,', 'Bob,', 'Hallo Klaus,' …: the first line of the note",
           "  when it is a short line ending in ',' that names the recipient) and a final '- <First>'",
           "  line are removed; quote markers ('> ') of a reminder's quoted original are removed;",
           "  whitespace collapsed. The 2016 HTML preheader repeats the note: it is not a second note.",
           "- note_kind: generic for any stock wording of facts §6 (every era, language and variant);",
           "  for reminders null unless the reminder quotes the original note.",
           "- claim_org: the org as named, without the line's trailing ':' or '.'; null for friend/other.",
           "- profile_url: normalized the same way whatever the host (phish keep their foreign host);",
           "  scheme kept; percent-encoding kept as is; reminders carry it where the body has one.",
           "- headline: also extracted for reminders whose body has the name/headline pair.",
           "- inviter.name for mail whose From display name is 'LinkedIn' comes from the body; the",
           "  'via LinkedIn' suffix of 2008–13 From names is not part of the name.",
           "- authentic: From, or Sender when present, must be linkedin.com or a subdomain; so must",
           "  the Accept and View-profile links; an A-R whose authserv-id is exactly mx.example.org",
           "  and that stands above the first Received header must not say dkim=fail for",
           "  d=linkedin.com or dmarc=fail; when it says pass, the Return-Path may be anyone's",
           "  (forwarders), else it must be linkedin.com's too. A-R headers from any other",
           "  authserv-id, or below the first Received (they came with the mail), are ignored.",
           "- reasons of phish name the evidence: lookalike-domain, dkim-fail, foreign-links, ...",
           "- a forged reminder is kind reminder (authentic false), not invitation.",
           "- any mail that presents itself as LinkedIn's and is not is phish, whatever its kind",
           "  (a forged notification is kind linkedin with verdict phish); invitation-shaped fakes",
           "  (an accept/add-me button with connection wording) are kind invitation.",
           "- phish with no named inviter ('You have 3 pending connections'): inviter all null,",
           "  note_kind none.",
           "",
           "| file | category | what it is | marker |",
           "|---|---|---|---|"]
    for fname, cat, marker, desc in rows:
        out.append("| %s | %s | %s | %s |" % (fname, cat, desc.replace("|", "\\|"), marker))
    return "\n".join(out) + "\n"


def main():
    build_invitations()
    build_reminders()
    build_linkedin()
    build_phish()
    build_none()
    build_layouts()
    build_judgement()
    corpus_gateways.build(globals())
    __import__("corpus_impersonation").build(globals())    # issue 27: impersonations of every kind
    __import__("corpus_guest").build(globals())     # issue 23: guest invitations
    os.makedirs(CORPUS, exist_ok=True)
    for f in os.listdir(CORPUS):
        if re.match(r"^\d{3}-.*\.(eml|json)$", f) or f == "README":
            os.remove(os.path.join(CORPUS, f))
    seen, rows, failures, by_slug = set(), [], [], {}
    verdicts = load_verdicts()
    for i, (slug, cat, marker, desc, c) in enumerate(CASES, 1):
        assert slug not in seen, slug
        seen.add(slug)
        fname = "%03d-%s.eml" % (i, slug)
        raw = c.raw()
        for p in selfcheck(slug, c, raw):
            failures.append("%s: %s" % (fname, p))
        exp = with_verdict(c.expect, slug, verdicts)
        exp["file"] = fname
        with open(os.path.join(CORPUS, fname), "wb") as f:
            f.write(raw)
        with open(os.path.join(CORPUS, fname[:-4] + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(exp, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        rows.append((fname, cat, marker, desc))
        by_slug[slug] = fname
    with open(os.path.join(CORPUS, "README"), "w", encoding="utf-8") as f:
        f.write(readme(rows))
    os.makedirs(SAMPLES, exist_ok=True)
    for name, slug in SAMPLE_FILES.items():
        shutil.copyfile(os.path.join(CORPUS, by_slug[slug]), os.path.join(SAMPLES, name))

    # verification of what was written
    emls = sorted(f for f in os.listdir(CORPUS) if f.endswith(".eml"))
    jsons = sorted(f for f in os.listdir(CORPUS) if f.endswith(".json"))
    assert [e[:-4] for e in emls] == [j[:-5] for j in jsons], "eml/json mismatch"
    data = [check_json(os.path.join(CORPUS, j)) for j in jsons]
    count = {}
    for (slug, cat, marker, desc, c) in CASES:
        count[cat] = count.get(cat, 0) + 1
    kinds, langs, eras = {}, {}, {}
    for (slug, cat, marker, desc, c), j in zip(CASES, data):
        kinds[j["kind"]] = kinds.get(j["kind"], 0) + 1
        if cat == "invitation":
            langs[j["language"]] = langs.get(j["language"], 0) + 1
            era = int(slug[:4])
            era = "pre-2008" if era < 2008 else "2008-13" if era <= 2013 else "2014-18" if era <= 2018 else "2019+"
            eras[era] = eras.get(era, 0) + 1
    print("%-28s %5s" % ("category", "count"))
    for k in ("invitation", "reminder", "linkedin", "phish", "none", "judgement"):
        print("%-28s %5d" % (k, count.get(k, 0)))
    print("%-28s %5d" % ("total messages", len(emls)))
    print()
    print("kinds:", ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    print("genuine invitations by era:", ", ".join("%s %d" % kv for kv in sorted(eras.items())))
    print("genuine invitations by language:", ", ".join("%s %d" % (k or "none", n) for k, n in sorted(langs.items(), key=lambda kv: kv[0] or "")))
    print("samples:", len(SAMPLE_FILES), "files in", os.path.relpath(SAMPLES, os.path.join(HERE, "..", "..")))
    ok = (len(emls) >= 110 and count.get("none", 0) >= 25
          and all(langs.get(l, 0) >= 3 for l in ("de", "fr", "es", "pt", "it", "nl")))
    if failures or not ok:
        print("\nSELF-CHECK FAILURES:" if failures else "\nMINIMUM COUNTS NOT MET", file=sys.stderr)
        for p in failures:
            print("  " + p, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
