using CommonGround.Core.Access;
using CommonGround.Core.Attention;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>The family's view of one child at a glance: what is waiting on them, what is late and who has it, what is coming up.</summary>
public sealed class WhatIsHappeningModel(WhatIsHappeningService happenings, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public WhatIsHappening Happening { get; private set; } = default!;

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        if (!Access.IsFamily)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Happening = await happenings.ForAsync(Access);
        return Page();
    }
}
