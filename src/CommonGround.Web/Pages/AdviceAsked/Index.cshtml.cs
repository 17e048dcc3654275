using CommonGround.Core.Advice;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;

namespace CommonGround.Web.Pages.AdviceAsked;

/// <summary>The advice a professional has been asked for, across every child: late and due first, then what they gave.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(AdviceService advice, CurrentUser currentUser) : PageBase
{
    public IReadOnlyList<AskedOfMe> All { get; private set; } = [];

    public IEnumerable<AskedOfMe> Open => All.Where(a => a.Request.Status == AdviceStatus.Asked);
    public IEnumerable<AskedOfMe> Given => All.Where(a => a.Request.Status == AdviceStatus.Given);

    public async Task OnGetAsync()
    {
        All = await advice.ListForAdviserAsync(currentUser.UserId!.Value);
        ShowsChildren(All.Select(a => a.Request.ChildId), "Advice asked of me");
    }
}
