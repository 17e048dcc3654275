using CommonGround.Core.Advice;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.AdviceAsked;

/// <summary>The advice a professional has been asked for, across every child: what is still to give, soonest due first, or what they gave.</summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(AdviceService advice, CurrentUser currentUser) : PageBase
{
    public AdviceAskedPage Items { get; private set; } = new([], 0, 0, 1, 1);

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "show")]
    public string? Show { get; set; }

    public bool ShowsGiven => Show == "given";

    public async Task OnGetAsync()
    {
        Items = await advice.ListForAdviserAsync((await currentUser.GetAsync())!.Professional!, ShowsGiven, PageNumber);
        ShowsChildren(Items.Items.Select(a => a.Request.ChildId), "Advice asked of me");
    }
}
