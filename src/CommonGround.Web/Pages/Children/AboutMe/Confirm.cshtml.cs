using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>A button beside each section: the family says it is still right, and the date it was confirmed moves on.</summary>
public sealed class ConfirmModel(ProfileService profiles, CurrentUser currentUser)
    : SectionPageBase(currentUser)
{
    [ChildPage(Capability.ViewRecord)]
    public IActionResult OnGet(Guid childId) => Redirect(ChildLinks.AboutMe(childId));

    [ChildPage(Capability.EditProfile)]
    public async Task<IActionResult> OnPostAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.EditProfile) is { } refused)
        {
            return refused;
        }

        var result = await profiles.ConfirmSectionAsync(Access, Kind, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return StatusCode(StatusCodes.Status409Conflict);
        }

        Confirm($"You confirmed \"{Kind.Title()}\" is still right");
        return Redirect(ChildLinks.AboutMe(childId, Kind));
    }
}
