using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>
/// A page about one About me section, named in the address. An unknown section is not found; the person needs the
/// capability and must be able to see the section's area (health and transport sections follow those areas).
/// </summary>
public abstract class SectionPageBase(AccessService accessService, CurrentUser currentUser) : ChildPageBase(accessService, currentUser)
{
    public ProfileSectionKind Kind { get; private set; }

    protected async Task<IActionResult?> AuthoriseSectionAsync(Guid childId, string section, Capability capability)
    {
        if (ProfileSections.FromSlug(section) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        return await AuthoriseAsync(childId, capability, kind.Area());
    }
}
