using CommonGround.Core.Access;
using CommonGround.Core.Advice;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Advice;

/// <summary>The advice asked for about a child, in the parts the person sees: who was asked, by when, and what came back.</summary>
public sealed class IndexModel(AdviceService advice, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public IReadOnlyList<AdviceRequest> Requests { get; private set; } = [];

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync()
    {
        Requests = await advice.ListForChildAsync(Access);
        DescribeRead(null, "Advice");
        return Page();
    }
}
