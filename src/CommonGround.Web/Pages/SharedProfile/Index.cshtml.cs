using CommonGround.Core.Profiles;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Pages.Children.AboutMe;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.SharedProfile;

/// <summary>The one-page profile for someone without an account, through a family's time-limited link.</summary>
[AllowAnonymous]
public sealed class IndexModel(ShareLinkService shareLinks, CurrentUser currentUser) : PageBase
{
    public OnePageProfile? Profile { get; private set; }
    public string ExpiresOn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var view = await shareLinks.OpenAsync(token, currentUser.IpAddress);
        if (view is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Profile = new OnePageProfile(view.Child, view.Sections);
        ExpiresOn = UkDates.Date(view.Link.ExpiresAt);
        return Page();
    }
}
