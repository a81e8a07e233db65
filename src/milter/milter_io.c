/* milter_io.c - the daemon's table of calls to the MTA: libmilter's own */
#include "autoconfig.h"
#include "milter_io.h"

#include "milter.h"

static const struct milter_io libmilter_io = {
	.getpriv = smfi_getpriv,
	.setpriv = smfi_setpriv,
	.getsymval = smfi_getsymval,
	.setsymlist = smfi_setsymlist,
	.addheader = smfi_addheader,
	.chgheader = smfi_chgheader,
	.addrcpt = smfi_addrcpt,
	.addrcpt_par = smfi_addrcpt_par,
	.delrcpt = smfi_delrcpt,
	.quarantine = smfi_quarantine,
	.config = current_config,
	.result = NULL,
	.submit_drafts = true,
};

const struct milter_io *milter_io = &libmilter_io;

void milter_use_io(const struct milter_io *io)
{
	milter_io = io ? io : &libmilter_io;
}
