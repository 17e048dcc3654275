using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>The family writes or changes one section. If someone else saved it meanwhile, nothing is overwritten.</summary>
public sealed class EditModel(ProfileService profiles, CurrentUser currentUser)
    : SectionPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? TheirVersion { get; private set; }

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "The section")]
        [StringLength(ProfileSection.MaxLength, ErrorMessage = "The section must be 5,000 characters or fewer. Shorten it, or move some of it to another section")]
        [PlainText]
        public string? Text { get; set; }
    }

    [ChildPage(Capability.EditProfile)]
    public async Task<IActionResult> OnGetAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.EditProfile) is { } refused)
        {
            return refused;
        }

        var current = (await profiles.GetSectionsAsync(childId)).Single(s => s.Section == Kind);
        Input = new InputModel { Version = current.Version, Text = current.Text };
        return Page();
    }

    [ChildPage(Capability.EditProfile)]
    public async Task<IActionResult> OnPostAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.EditProfile) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await profiles.SaveSectionAsync(Access, new SaveSectionOptions(Kind, Input.Text ?? "", Input.Version), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is SectionChangedMeanwhile stale)
            {
                TheirVersion = stale.CurrentText;
                var current = (await profiles.GetSectionsAsync(childId)).Single(s => s.Section == Kind);
                ModelState.Remove("Input.Version");
                Input.Version = current.Version;
            }

            return Invalid(result.Error!);
        }

        Confirm($"\"{Kind.Title()}\" saved");
        return Redirect(ChildLinks.AboutMe(childId, Kind));
    }
}
