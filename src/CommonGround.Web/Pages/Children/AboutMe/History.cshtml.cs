using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

public sealed class HistoryModel(AccessService accessService, ProfileService profiles, CurrentUser currentUser)
    : ChildPageBase(accessService, currentUser)
{
    public ProfileSectionKind Kind { get; private set; }
    public IReadOnlyList<ProfileSectionVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid childId, string section)
    {
        if (ProfileSections.FromSlug(section) is not { } kind)
        {
            return NotFound();
        }

        if (await AuthoriseAsync(childId, Capability.ViewRecord, kind.Area()) is { } refused)
        {
            return refused;
        }

        Kind = kind;
        Versions = await profiles.ListVersionsAsync(childId, kind);
        await LogViewAsync(kind.Area(), $"Earlier versions of \"{kind.Title()}\"");
        return Page();
    }
}
