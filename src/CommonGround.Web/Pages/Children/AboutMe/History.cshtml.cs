using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

public sealed class HistoryModel(ProfileService profiles, CurrentUser currentUser)
    : SectionPageBase(currentUser)
{
    public IReadOnlyList<ProfileSectionVersion> Versions { get; private set; } = [];

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.ViewRecord) is { } refused)
        {
            return refused;
        }

        Versions = await profiles.ListVersionsAsync(childId, Kind);
        DescribeRead(Kind.Area(), $"Earlier versions of \"{Kind.Title()}\"");
        return Page();
    }
}
