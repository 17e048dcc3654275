using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

public sealed record OnePageProfile(Child Child, IReadOnlyList<ProfileSection> Sections);

/// <summary>The printable one-page profile: the written sections the viewer may see.</summary>
public sealed class OnePageModel(ProfileService profiles, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public OnePageProfile Profile { get; private set; } = default!;

    [ChildPage(Capability.ViewRecord, RecordArea.AboutMe)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        var sections = (await profiles.GetSectionsAsync(childId)).Where(s => s.Text.Length > 0 && Access.CanSee(s.Section.Area())).ToList();
        Profile = new OnePageProfile(Access.Child, sections);
        DescribeRead(RecordArea.AboutMe, "One-page profile");
        return Page();
    }
}
