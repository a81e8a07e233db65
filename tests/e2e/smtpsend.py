"""smtpsend.py - the SMTP client the end-to-end helpers share (inject-dir.py, load.py,
smtp-faults.py): a session to 127.0.0.1:PORT that sends messages one after another and
answers each with its reply code, connecting again after one that failed."""
import smtplib


def crlf(data):
    """DATA with CRLF line ends, whatever it had"""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


class Session:
    def __init__(self, port, timeout=120):
        self.port, self.timeout, self.conn, self.used = int(port), timeout, None, False

    def send(self, sender, rcpt, data):
        """MAIL, RCPT and DATA: the last reply code, 0 when the connection failed"""
        try:
            if self.conn is None:
                self.conn = smtplib.SMTP("127.0.0.1", self.port, local_hostname="client.lm-e2e.test",
                                         timeout=self.timeout)
                self.used = False
            if self.used:
                self.conn.rset()
            self.used = True
            code, _ = self.conn.mail(sender)
            if code < 400:
                code, _ = self.conn.rcpt(rcpt)
            if code < 400:
                code, _ = self.conn.data(data)
            return code
        except smtplib.SMTPResponseException as e:
            self.drop()
            return e.smtp_code
        except (OSError, smtplib.SMTPException):
            self.drop()
            return 0

    def drop(self):
        """the connection closed at once"""
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None

    def close(self):
        """QUIT, then closed"""
        if self.conn is not None:
            try:
                self.conn.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self.drop()
