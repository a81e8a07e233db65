# linkedin.sieve - file LinkedIn mail where linkedin-milter says, by its
# X-LinkedIn-Folder header (Dovecot Pigeonhole, or any Sieve with these
# extensions). "LinkedIn/Review" means the folder Review inside LinkedIn:
# with Dovecot set the namespace separator to "/" (or write the folders in
# the milter's configuration with your separator).
require ["fileinto", "mailbox", "variables", "regex"];

if header :matches "X-LinkedIn-Folder" "*" {
    set "folder" "${1}";
    # only names made of words joined by / or . (no "..", no leading /)
    if string :regex "${folder}" "^[A-Za-z0-9 _-]+([./][A-Za-z0-9 _-]+)*$" {
        fileinto :create "${folder}";
        stop;
    }
}
