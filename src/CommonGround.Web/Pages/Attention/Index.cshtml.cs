using CommonGround.Core.Attention;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Attention;

/// <summary>
/// The early-warning list: the children the person is key worker or team lead for (or, in a local authority, works
/// with) who need attention, most pressing first, each with its reasons and a link. Read from stored signals only.
/// </summary>
[Authorize(Policy = Policies.Professional)]
public sealed class IndexModel(AttentionService attention, CurrentUser currentUser) : PageBase
{
    public AttentionPage Items { get; private set; } = null!;
    public bool IsOrganisationAdmin { get; private set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync()
    {
        IsOrganisationAdmin = (await currentUser.GetAsync())!.IsOrganisationAdmin;
        Items = await attention.ListForAsync(currentUser.UserId!.Value, PageNumber);
        ShowsChildren(Items.Children.Select(c => c.ChildId), "Needs attention: what needs doing");
    }
}
