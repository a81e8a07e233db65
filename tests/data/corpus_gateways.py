"""corpus_gateways.py - issue 22's corpus cases for make-corpus.py: LinkedIn mail
as it reaches a company behind a link-rewriting gateway, through warning banners,
subject and display-name tags, a mailing list and a group that rewrites From, and
phishing through each. Written from the vendors' documented formats (the shapes
in variants_gateways.py); build(g) gets make-corpus.py's globals."""

from variants import header_end, map_leaves
from variants_gateways import REWRITERS, add_banner, rewrite_links, through_list, tag_display, tag_subject

PROOFPOINT_BANNER = ("This message came from outside your organization. Be careful with links "
                     "and attachments, and report anything suspicious.")


def _wrap(c, vendor):
    raw = c.raw()
    c._raw = map_leaves(raw, lambda s, ct: rewrite_links(s, ct, REWRITERS[vendor]))
    c.wrapped = True
    return c


def _banner(c, text, top=True):
    raw = c.raw()
    c._raw = map_leaves(raw, lambda s, ct: add_banner(s, ct, text, top))
    return c


def _raw(c, fn):
    raw = c.raw()
    hend, _ = header_end(raw, 0)
    c._raw = fn(raw, hend)
    return c


def _group(g, c, name, domain, bounce):
    """C as a group that rewrites From passes it on: "'NAME' via Acme Comms", LinkedIn's
    address in Reply-To, the group's List-Id and envelope."""
    c.set("From", "'%s' via Acme Comms <comms@%s>" % (name, domain))
    c.set("Reply-To", "%s <invitations@linkedin.com>" % name)
    c.insert("List-Id", "<comms.%s>" % domain, before="From")
    g["foreign"](c, "%s@%s" % (bounce, domain), helo="mail.%s" % domain)
    return c


def build(g):
    Person, Tok, when, inv_2019, ar_pass = g["Person"], g["Tok"], g["when"], g["inv_2019"], g["ar_pass"]

    def add(slug, desc, c, marker="likely", **over):
        g["case"](slug, "gateway", marker, desc, c, **over)

    def inv(slug, person, note=None, day=1, ar=True):
        return inv_2019(slug, "en", when(2025, 9, day, 9, 30, 0), person, note, mutual=3,
                        ar=[ar_pass(Tok(slug))] if ar else ())

    nadia = Person("Nadia Rahman", headline="Partnerships Lead at Northwind Traders", vanity="nadia-rahman",
                   location="Leeds, England, United Kingdom")
    add("gw-safelinks-genuine",
        "genuine 2019+ invitation behind Microsoft Safe Links (every link wrapped, url= parameter), our A-R pass",
        _wrap(inv("gw-safelinks-genuine", nadia, day=1), "safelinks"))
    add("gw-proofpoint-v3-banner",
        "genuine invitation behind Proofpoint URL Defense v3 (__URL__ with replaced characters) and its "
        "warning banner above the text and the HTML",
        _banner(_wrap(inv("gw-proofpoint-v3-banner", Person(
            "Hugo Lambert", headline="Product Designer at Fabrikam", vanity="hugo-lambert", location="Lyon, France"),
            "We met at the accessibility meetup in Lyon; I'd like to stay in touch.", day=2), "proofpoint-v3"),
            PROOFPOINT_BANNER))
    add("gw-mimecast-genuine",
        "genuine invitation behind Mimecast (targets hidden: links neutral, no profile link to report)",
        _wrap(inv("gw-mimecast-genuine", Person("Ines Duarte", headline="Data Analyst at Contoso",
                                                 vanity="ines-duarte", location="Porto, Portugal"), day=3), "mimecast"),
        profile_url=None)
    add("gw-ext-tags",
        "genuine invitation with the gateway's [EXT] tag on the Subject and the From display name, and a "
        "banner below the text",
        _banner(_raw(_raw(inv("gw-ext-tags", nadia, day=4), tag_subject), tag_display),
                "CAUTION: This email originated from outside of the organization. Do not click links or open "
                "attachments unless you recognize the sender.", top=False))
    add("gw-mailman-list",
        "genuine invitation passed on by a Mailman list (Sender, List-Id, subject prefix, footer with the "
        "list's link); our A-R says dkim and dmarc pass for linkedin.com",
        _raw(inv("gw-mailman-list", Person("Omar Haddad", headline="Events Manager at Tailspin Toys",
                                            vanity="omar-haddad", location="Amman, Jordan"), day=5),
             lambda raw, hend: through_list(raw, hend, map_leaves, header_end)))
    c = inv("gw-google-group", Person("Olivia Grant", headline="Communications Officer at Litware",
                                      vanity="olivia-grant", location="Cork, Ireland"), day=6, ar=False)
    tok = Tok("gw-google-group")
    _group(g, c, "Olivia Grant", "groups.example.org", "comms+bncBAABB")
    c.insert("X-Original-From", "Olivia Grant <invitations@linkedin.com>", before="From")
    c.insert("Sender", "comms@groups.example.org", before="From")
    g["our_ar"](c,
             "%s; dkim=pass (2048-bit key) header.d=linkedin.com header.i=@linkedin.com header.b=\"%s\"; "
             "dmarc=none header.from=groups.example.org" % (g["MX"], tok.urlsafe(8)))
    add("gw-google-group",
        "genuine invitation through a group that rewrites From to \"'Olivia Grant' via Acme Comms\" "
        "(LinkedIn's address in Reply-To); our A-R: dkim=pass for linkedin.com", c)

    # a group that changed the mail (its footer broke LinkedIn's signature); the trusted sealer's
    # ARC result, validated by our verifier's arc=pass, carries the dkim pass
    c = inv("gw-google-group-arc", Person("Lars Nyberg", headline="Press Officer at Woodgrove Bank",
                                          vanity="lars-nyberg", location="Malmö, Sweden"), day=9, ar=False)
    tok = Tok("gw-google-group-arc")
    _group(g, c, "Lars Nyberg", "googlegroups.example", "comms+bncB3")
    c.insert("ARC-Authentication-Results",
             "i=1; mx.google.com;\n\tdkim=pass header.i=@linkedin.com header.s=d2048-2 header.b=%s;\n\t"
             "spf=pass smtp.mailfrom=bounce.linkedin.com;\n\tdmarc=pass (p=REJECT) header.from=linkedin.com"
             % tok.urlsafe(8), before="From")
    g["our_ar"](c,
             "%s; dkim=fail (body hash did not verify) header.d=linkedin.com; arc=pass (i=1 spf=pass "
             "dkim=pass dkdomain=linkedin.com); dmarc=none header.from=googlegroups.example" % g["MX"])
    add("gw-google-group-arc",
        "genuine invitation through a group that rewrote From and broke LinkedIn's signature; our A-R says "
        "arc=pass and the trusted sealer's (google.com) ARC-Authentication-Results says dkim=pass for linkedin.com",
        c)

    # the other vendors' link protection, one genuine invitation each
    for day, vendor, who in ((10, "barracuda", ("Mei Lin", "Supply Chain Analyst at Contoso", "Singapore")),
                             (11, "cisco", ("Jonas Weber", "Account Manager at Fabrikam", "Bremen, Germany")),
                             (12, "sophos", ("Amara Okoye", "Brand Strategist at Litware", "Lagos, Nigeria")),
                             (13, "trendmicro", ("Pablo Ortiz", "Field Engineer at Northwind", "Seville, Spain")),
                             (14, "google", ("Hannah Moss", "Grants Officer at Woodgrove", "Bristol, England"))):
        slug = "gw-%s-genuine" % vendor
        vanity = who[0].lower().replace(" ", "-")
        add(slug, "genuine invitation, every link rewritten by %s's link protection, our A-R pass" % vendor,
            _wrap(inv(slug, Person(who[0], headline=who[1], vanity=vanity, location=who[2]), day=day), vendor))

    # a person's forward in Apple Mail's style is that person's mail
    c = g["plain"]("none-apple-mail-forward", when(2025, 9, 15, 12, 0, 0), "Ruth Adler <ruth.adler@example.com>",
                   "Bob Smith <bob.smith@example.org>", "Fwd: I want to connect",
                   "Bob, is she someone we know?\n\nRuth\n\nBegin forwarded message:\n\n"
                   "From: Nadia Rahman <invitations@linkedin.com>\nSubject: I want to connect\n"
                   "Date: 15 September 2025 at 09:30:00 GMT\nTo: Ruth Adler <ruth.adler@example.com>\n\n"
                   "Nadia Rahman\nPartnerships Lead at Northwind Traders\nLeeds, England, United Kingdom\n\n"
                   "Accept: https://www.linkedin.com/comm/mynetwork/invite-accept/7312\n", cte="7bit")
    g["case"]("none-apple-mail-forward", "none", "likely",
              "a person's forward of an invitation in Apple Mail's style ('Begin forwarded message:')", c)

    # phishing through the same gateways stays phishing
    c = inv("phish-gw-safelinks-foreign", Person("Victor Hale", headline="Recruiter at Global Talent",
                                                   vanity="victor-hale", location="London, England"), day=7, ar=False)
    c.links = {k: v.replace("www.linkedin.com", "profile-review.example.net") for k, v in c.links.items()}
    raw = c.raw().replace(b"www.linkedin.com", b"profile-review.example.net")
    c._raw = raw
    add("phish-gw-safelinks-foreign",
        "phish: an invitation copy whose links go to a foreign page, behind Safe Links: unwrapped, foreign",
        _wrap(c, "safelinks"), authentic=False, profile_url="https://profile-review.example.net/in/victor-hale")
    c = inv("phish-gw-proofpoint-lookalike", Person("Dana Brooks", headline="Talent Partner at Fabrikam",
                                                      vanity="dana-brooks", location="Austin, Texas"), day=8, ar=False)
    c.links = {k: v.replace("www.linkedin.com", "www.linkedln.com") for k, v in c.links.items()}
    c._raw = c.raw().replace(b"www.linkedin.com", b"www.linkedln.com")
    add("phish-gw-proofpoint-lookalike",
        "phish: a look-alike domain (linkedln.com) inside Proofpoint v2 links: unwrapped, a look-alike",
        _wrap(c, "proofpoint-v2"), authentic=False, profile_url="https://www.linkedln.com/in/dana-brooks")
