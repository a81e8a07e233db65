"""corpus_impersonation.py - issue 27: mail that presents itself as LinkedIn's
without being it, of every kind, and mail that only mentions LinkedIn.

Called from make-corpus.py (build(globals())).  Every message is invented, in
our own words, after the shapes of LinkedIn-themed phishing: fake "add me to
your network" invitations with an Accept button, "Business Request" cards,
copies of LinkedIn's digests linking elsewhere, a display name one letter off
("LinkeIn"), look-alike domains one letter off (liinkedin.com), compromised
mailboxes sending as "LinkedIn", security notices and job alerts, and the same
mail through a mailing list that rewrites the From and keeps the spoofed
linkedin.com address in Reply-To.  The negatives only mention LinkedIn: a
signature link, a seller of "LinkedIn leads", a newsletter about LinkedIn, a
person's forward of a LinkedIn notice, a band whose name is close to it.
"""

M = {}          # make-corpus.py's namespace (helpers, case())


def _fake(slug, t, headers, text=None, html=None, rcpt="en"):
    """A message from a foreign MTA: our Received on top, then HEADERS."""
    g = M
    tok = g["Tok"](slug)
    r = g["RCPT"][rcpt]
    rp = [v for n, v in headers if n == "Return-Path"]
    hs = [("Return-Path", rp[0] if rp else "<bounce@%s>" % "relay.example.net"),
          ("Delivered-To", r.email),
          ("Received", "from relay.example.net (relay.example.net [203.0.113.%d])\n\tby %s (Postfix) "
                       "with ESMTP id %s\n\tfor <%s>; %s" % (tok.num(2, 250), g["MX"],
                                                           tok.pick("0123456789ABCDEF", 11), r.email,
                                                           g["rfc_date"](t)))]
    hs += [(n, v) for n, v in headers if n != "Return-Path"]
    hs += [("To", g["address"](r.full, r.email)), ("Date", g["rfc_date"](t)),
           ("Message-ID", "<%s.%s@relay.example.net>" % (tok.b36(14), tok.b36(6))),
           ("MIME-Version", "1.0")]
    if text is not None and html is not None:
        b = "=_imp_%s" % tok.b36(10)
        hs.append(("Content-Type", g["ct_multipart"]("alternative", b)))
        body = g["multipart"](b, [g["leaf"]("text/plain", text), g["leaf"]("text/html", html)])
    elif html is not None:
        hs += [("Content-Type", "text/html; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable")]
        body = g["encode_body"](html)
    else:
        hs += [("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable")]
        body = g["encode_body"](text)
    return g["Case"](hs, body, g["exp_none"]())


def _expect(c, kind, **fields):
    """Not authentic LinkedIn mail of KIND, with what extraction reads."""
    e = M["expectation"](kind, False, **fields)
    c.expect = e
    return c


def _sent(slug, desc, t, from_hdr, subject, kind, text=None, html=None, extra=(), rp=None, **fields):
    """A fake sent by the address of FROM_HDR (or RP: its envelope), registered as phish."""
    addr = rp or from_hdr.rsplit("<", 1)[1].rstrip(">")
    c = _fake(slug, t, [("Return-Path", "<%s>" % addr), ("From", from_hdr), ("Subject", subject)] + list(extra),
              text=text, html=html)
    M["case"](slug, "phish", "unverified", desc, _expect(c, kind, **fields))
    return c


def _cards(people, buttons):
    """The HTML of 'Business Request' cards: a name, a line, the buttons."""
    out = []
    for who, what in people:
        out.append('<table><tr><td><b>%s</b><br>%s</td></tr><tr><td>%s</td></tr></table>'
                   % (who, what, " ".join('<a href="%s" style="background:#0a66c2;color:#fff">%s</a>'
                                          % (u, label) for label, u in buttons)))
    return "\n".join(out)


def fakes():
    when = M["when"]

    # 1. "Please add me to your LinkedIn network" with an Accept Invitation button, from a
    #    university mailbox that was broken into
    url = "https://gateway.ipfs-mirror.example/ipfs/bafybeih4k2xq7w/accept.html"
    html = ("<html><body><p>LinkedIn</p><p>Hello,</p>"
            "<p>I came across your profile and I would be glad to count you among my contacts. "
            "Please add me to your LinkedIn network.</p>"
            '<p><a href="%s">Accept Invitation</a></p>'
            "<p>Regards,<br>Dr. Omid Rahimi</p>"
            "<p>&copy; 2021 LinkedIn Corporation</p></body></html>\n" % url)
    _sent("imp-2021-add-me-accept-button",
          "phish: 'Please add me to your LinkedIn network' with an [Accept Invitation] button, "
          "display name LinkedIn on a broken-into university mailbox", when(2021, 3, 9, 8, 14, 0),
          "LinkedIn <o.rahimi@mail.tums.example>", "Please add me to your LinkedIn network", "invitation",
          html=html, note_kind="none")

    # 2. "Business Request" cards with Accept and Add Me, display name LinkedIn Business
    btn = [("Accept", "https://b2b-requests.example.net/r/acc?id=31"),
           ("Add Me", "https://b2b-requests.example.net/r/add?id=31")]
    html = ("<html><body><h2>LinkedIn</h2><p>You've received 3 new Business Request</p>\n%s\n"
            "<p>Requests expire after 72 hours.</p></body></html>\n"
            % _cards([("Hamid Karimi", "Procurement Manager"), ("Sofia Lindqvist", "Import Director"),
                      ("Tariq Aziz", "Sourcing Lead")], btn))
    _sent("imp-2022-business-request-cards",
          "phish: 'You've received 3 new Business Request', cards with [Accept] [Add Me], from a police mailbox",
          when(2022, 7, 18, 5, 40, 0), "LinkedIn Business <service@police-dept.example>",
          "You've received 3 new Business Request", "invitation", html=html, note_kind="none")

    # 3. the same shape with no LinkedIn in the headers: the text names it
    html = ("<html><body><p><img src=\"https://trade-hub.example.net/img/li.png\" alt=\"LinkedIn\"></p>"
            "<p>You have 2 pending Business Requests on LinkedIn.</p>\n%s\n</body></html>\n"
            % _cards([("Wei Zhang", "Buyer, Shenzhen"), ("Ana Costa", "Trade Partner")],
                     [("Accept", "https://trade-hub.example.net/a?k=9"),
                      ("Add Me", "https://trade-hub.example.net/m?k=9")]))
    _sent("imp-2023-business-request-no-display",
          "phish: Business Request cards with [Accept] [Add Me]; LinkedIn only in the text (logo, wording)",
          when(2023, 2, 1, 22, 5, 0), "Business Network <b2b@trade-hub.example.net>",
          "You have 2 new Business Requests", "invitation", html=html, note_kind="none")

    # 4. a copy of the weekly search digest, display name "LinkeIn", links to IPFS
    ipfs = "https://ipfs.io-gateway.example/ipfs/bafkreid7qv3search/index.html"
    _sent("imp-2024-digest-linkein-ipfs",
          "phish: copy of the weekly searches digest, display name 'LinkeIn' (one letter off), links to "
          "an IPFS gateway", when(2024, 5, 27, 3, 3, 0), "LinkeIn <notify@sina.tums.example>",
          "You appeared in 14 searches this week", "notification",
          text="LinkeIn\n\nYour profile was found in 14 searches this week\n\nSee who is looking: %s\n\n"
               "Keep your profile current to appear in more searches.\n\nUnsubscribe: %s?u=1\n\n"
               "(c) 2024 LinkedIn Corporation\n" % (ipfs, ipfs))

    # 5. a look-alike domain one letter off: liinkedin.com
    acc = "https://www.liinkedin.com/comm/mynetwork/invite-accept/?id=77120"
    c = _sent("imp-2024-lookalike-liinkedin", "phish: invitation from liinkedin.com (one letter added, no "
              "pattern lists it)", when(2024, 9, 2, 11, 0, 0), "Marta Nowak <invitations@liinkedin.com>",
              "Marta Nowak wants to connect with you on LinkedIn", "invitation",
              text="Marta Nowak\nExport Manager at Baltic Amber Trade\n\nAccept: %s\n\n"
                   "View profile: https://www.liinkedin.com/in/marta-nowak-77\n" % acc,
              name="Marta Nowak", headline="Export Manager at Baltic Amber Trade",
              profile_url="https://www.liinkedin.com/in/marta-nowak-77", note_kind="none", language="en")
    c.links = {"accept": acc}

    # 6. a security notice from a broken-into police mailbox
    _sent("imp-2020-security-notice-police",
          "phish: security notice 'Unusual sign-in activity', display name LinkedIn Security, police mailbox",
          when(2020, 11, 12, 2, 30, 0), "LinkedIn Security <station4@police.gov.example>",
          "Unusual sign-in activity on your account", "notification",
          text="LinkedIn Security\n\nWe noticed a sign-in to your account from a new device in Jakarta, "
               "Indonesia.\n\nIf this was not you, secure your account now:\n"
               "https://account-check.police.gov.example/li/secure?u=bob\n\n"
               "Thanks for helping us keep your account safe.\nThe LinkedIn Team\n")

    # 7. a job alert from a free-mail address
    _sent("imp-2022-job-alert-freemail", "phish: job alert, display name LinkedIn Job Alerts on a gmail.com address",
          when(2022, 10, 3, 6, 0, 0), "LinkedIn Job Alerts <linkedin.job.alerts@gmail.com>",
          "12 new jobs match your preferences", "notification",
          text="Jobs picked for you\n\nSenior Buyer - Fabrikam - Rotterdam\nLogistics Planner - Contoso - "
               "Remote\n\nApply in one click: https://jobs-apply.example.com/li/jobs?ref=alert\n")

    # 8. a message notice whose only LinkedIn trait in the headers is Reply-To
    _sent("imp-2023-message-reply-to-linkedin",
          "phish: message notice from msg-relay.example.net, Reply-To on linkedin.com (spoofed)",
          when(2023, 8, 21, 9, 15, 0), "Inbox Messages <noreply@msg-relay.example.net>",
          "You have 1 unread message", "notification",
          text="Anna Berg sent you a message\n\n\"Could you look at the contract I shared? It expires "
               "today.\"\n\nRead the message: https://msg-relay.example.net/view/88a1\n\n"
               "(c) 2023 LinkedIn Corporation\n",
          extra=[("Reply-To", "LinkedIn <messages-noreply@linkedin.com>")])

    # 9. through a list: From rewritten, the spoofed address in Reply-To, Sender the list's
    lst = "lists.industrypack.example"
    _sent("imp-list-rewritten-notification",
          "phish: a network digest through a Mailman list: From 'LinkedIn via Industrypack-devel', Sender "
          "the list's, the spoofed linkedin.com address in Reply-To", when(2021, 6, 15, 13, 0, 0),
          "LinkedIn via Industrypack-devel <industrypack-devel@%s>" % lst,
          "[Industrypack-devel] Your network this week", "notification", rp="industrypack-devel-bounces@" + lst,
          text="Your network this week\n\n4 people viewed your profile\n6 new posts from your "
               "connections\n\nSee all: https://netview.example.org/li/week\n\n"
               "You are receiving notification emails. Unsubscribe: https://netview.example.org/u\n"
               "\n_______________________________________________\nIndustrypack-devel mailing list\n"
               "industrypack-devel@%s\n" % lst,
          extra=[("Reply-To", "LinkedIn <messages-noreply@linkedin.com>"),
                 ("Sender", "Industrypack-devel <industrypack-devel-bounces@%s>" % lst),
                 ("List-Id", "<industrypack-devel.%s>" % lst), ("Precedence", "list")])

    # 10. through a group: an add-me invitation, From "'LinkedIn' via Alumni Circle"
    _sent("imp-list-rewritten-invitation",
          "phish: an add-me invitation through a group that rewrites From to \"'LinkedIn' via Alumni Circle\", "
          "Reply-To the spoofed invitations@linkedin.com", when(2022, 1, 24, 19, 45, 0),
          "\"'LinkedIn' via Alumni Circle\" <alumni-circle@groups.example.com>", "Invitation to connect",
          "invitation", note_kind="none",
          html="<html><body><p>Hi,</p><p>Please add me to your LinkedIn network. I think we studied in the "
               "same programme.</p><p><a href=\"https://profile-card.example.com/accept?id=5\">Accept</a></p>"
               "<p>-- <br>You received this message because you are subscribed to the Alumni Circle group."
               "</p></body></html>\n",
          extra=[("Reply-To", "LinkedIn Invitations <invitations@linkedin.com>"),
                 ("List-Id", "<alumni-circle.groups.example.com>"),
                 ("Mailing-list", "list alumni-circle@groups.example.com")])

    # 11. an acceptance, sent as "LinkedIn" from a school's mailbox
    _sent("imp-2023-acceptance-school-mailbox",
          "phish: 'accepted your invitation' notice, display name LinkedIn, from a school's mailbox",
          when(2023, 4, 11, 14, 10, 0), "LinkedIn <office@north-school.example.edu>",
          "Ana Costa accepted your invitation", "notification",
          text="Ana Costa accepted your invitation. Start a conversation and see what she is up to.\n\n"
               "Message Ana: https://north-school.example.edu/wp/li/msg.php?to=ana\n")

    # 12. a reminder of an invitation, from a look-alike display name
    _sent("imp-2022-reminder-linkedln", "phish: reminder of a pending invitation, display name 'Linkedln' "
          "(l for i), from a hosting customer's mailbox", when(2022, 3, 30, 7, 20, 0),
          "Linkedln Reminders <mailer@vps-2231.example.net>", "Reminder about your invitation from Kofi Mensah",
          "reminder", name="Kofi Mensah", language="en",
          text="Kofi Mensah is waiting for your response.\n\n"
               "Accept: https://vps-2231.example.net/li/accept?i=551\n")


def negatives():

    g = M
    when, plain, bob = g["when"], g["plain"], "Bob Smith <bob.smith@example.org>"

    def add(slug, desc, c):
        g["case"](slug, "none", "n/a", desc, c)

    add("none-lead-seller-linkedin-leads",
        "spam selling 'LinkedIn leads' with an 'Accept offer' line: mentions LinkedIn, claims nothing",
        plain("none-lead-seller-linkedin-leads", when(2024, 4, 2, 7, 0, 0),
              "Growth Leads <offers@leadgen-pro.example>", bob, "Get 5,000 verified LinkedIn leads this month",
              "Hi Bob,\n\nOur researchers build LinkedIn lead lists for your market: decision makers, "
              "verified emails, phone numbers. We can also automate your LinkedIn connection requests.\n\n"
              "Accept offer\nhttps://leadgen-pro.example/offer/5000\n\nReply STOP to opt out.\n"))
    add("none-signature-linkedin-link",
        "a colleague's mail about LinkedIn with a profile link in the signature",
        plain("none-signature-linkedin-link", when(2023, 11, 8, 16, 20, 0),
              "Priya Natarajan <priya.natarajan@example.com>", bob, "My LinkedIn profile and Tuesday's slides",
              "Hi Bob,\n\nAs promised, the slides from Tuesday are on the shared drive. I updated my "
              "LinkedIn profile too, in case you want to connect there.\n\nBest,\nPriya\n--\n"
              "Priya Natarajan | Programme Lead\nhttps://www.linkedin.com/in/priya-natarajan\n"))
    add("none-newsletter-about-linkedin",
        "a careers newsletter about LinkedIn (connection requests, 'LinkedIn Corporation'), Read more buttons",
        plain("none-newsletter-about-linkedin", when(2024, 1, 15, 6, 30, 0),
              "Career Weekly <digest@careers-weekly.example>", bob, "5 ways to get more out of LinkedIn this year",
              "CAREER WEEKLY\n\n1. Should you accept connection requests from strangers?\n"
              "Read more\n\n2. LinkedIn Corporation changed how the feed ranks posts.\nRead more\n\n"
              "3. Add me? How to write a connection note people answer.\nRead more\n\n"
              "(c) 2024 Career Weekly. Unsubscribe: https://careers-weekly.example/u\n",
              extra=[("List-Unsubscribe", "<https://careers-weekly.example/u>"), ("Precedence", "bulk")]))
    add("none-fwd-linkedin-security-notice",
        "a person forwards a LinkedIn security notice (its footer and all): that person's mail",
        plain("none-fwd-linkedin-security-notice", when(2024, 6, 3, 10, 0, 0),
              "Tom Becker <tom.becker@example.com>", bob, "Fwd: Your LinkedIn account",
              "Bob, is this one real? I did not sign in from Lisbon.\n\n---------- Forwarded message "
              "---------\nFrom: LinkedIn <security-noreply@linkedin.com>\nSubject: Your LinkedIn account\n\n"
              "We noticed a new sign-in to your account.\nAccept\n\nThis is about your connection requests "
              "settings.\n\n(c) 2024 LinkedIn Corporation\n"))
    add("none-display-close-to-linkedin",
        "a fan club whose name is near LinkedIn's ('Linkin Park News'), subject about LinkedIn",
        plain("none-display-close-to-linkedin", when(2023, 9, 9, 18, 0, 0),
              "Linkin Park News <news@fanclub.example>", bob, "Follow the band on LinkedIn and Instagram",
              "New tour dates are out. Follow us on LinkedIn: https://www.linkedin.com/company/fanclub-example\n"))


def build(namespace):
    M.update(namespace)
    fakes()
    negatives()
