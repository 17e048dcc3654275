using CommonGround.Core.Access;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Corrections;

/// <summary>Every request to correct words about the child in the parts the person sees, with where each stands.</summary>
[ChildPage(Capability.ViewRecord)]
public sealed class IndexModel(CorrectionService corrections, TimeProvider timeProvider, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<CorrectionRequest> Requests { get; private set; } = [];

    public DateOnly Today => timeProvider.TodayInUk();

    public async Task<IActionResult> OnGetAsync()
    {
        Requests = await corrections.ForChildAsync(Access);
        DescribeRead(null, "Requests to correct words");
        return Page();
    }
}
