using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>The "About me" profile: every section to the family; to a team member, the sections in areas shared with them.</summary>
public sealed class IndexModel(ProfileService profiles, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    public IReadOnlyList<ProfileSection> Sections { get; private set; } = [];
    public int PendingSuggestions { get; private set; }

    [ChildPage(Capability.ViewRecord)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        Sections = (await profiles.GetSectionsAsync(childId)).Where(s => Access.CanSee(s.Section.Area())).ToList();
        if (Sections.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Access.Can(Capability.EditProfile))
        {
            PendingSuggestions = (await profiles.ListPendingSuggestionsAsync(childId)).Count;
        }

        // One entry for the page: filed under the most private part shown, so a parent who may not see that part does
        // not learn from "who has seen" what was read there.
        var parts = Sections.Select(s => s.Section.Area()).Distinct().Where(a => a != RecordArea.AboutMe).ToList();
        DescribeRead(parts.Count == 0 ? RecordArea.AboutMe : parts[0],
            parts.Count == 0 ? "About me" : $"About me, with {RecordAreas.Describe(parts)}");

        return Page();
    }
}
