using CommonGround.Core.Access;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>
/// A page about one About me section, named in the address. An unknown section is not found; the person needs the
/// capability the page declares on the section's own area (health and transport sections follow those areas).
/// </summary>
public abstract class SectionPageBase(CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public ProfileSectionKind Kind { get; private set; }

    protected IActionResult? AuthoriseSection(string section, Capability capability)
    {
        if (ProfileSections.FromSlug(section) is not { } kind)
        {
            return NotFound();
        }

        Kind = kind;
        return Access.Can(capability, kind.Area()) ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}
