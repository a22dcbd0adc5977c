from django.utils.functional import SimpleLazyObject

from . import live


def notices(request):
    """`notice_banners`: the banners this visitor has not dismissed; `suspension_bypassed`:
    the live suspension an editor is looking past. Lazy: the admin never pays for them."""
    return {
        "notice_banners": SimpleLazyObject(lambda: live.banners_for(request)),
        "suspension_bypassed": getattr(request, "suspension_bypassed", None),
    }
