"""Every type of the API: response models, request parameter TypedDicts, webhook events.

Generated from the spec (`vinsnap/_generated/`); this module only gathers them.
"""

from ._generated.events import *  # noqa: F403
from ._generated.events import __all__ as _events
from ._generated.models import *  # noqa: F403
from ._generated.models import __all__ as _models
from ._generated.params import *  # noqa: F403
from ._generated.params import __all__ as _params
from ._pagination import AsyncPage, SyncPage

# The webhook `Event` union, not the envelope schema of the same name.
from ._generated.events import Event as Event  # noqa: E402

__all__ = sorted({*_models, *_params, *_events, "SyncPage", "AsyncPage"})
