using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>A team member proposes new words for a section shared with them; the family decides.</summary>
public sealed class SuggestModel(ProfileService profiles, LanguageAdvice advice, CurrentUser currentUser)
    : SectionPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "Your suggested words")]
        [Required(ErrorMessage = "Enter the words you suggest")]
        [StringLength(ProfileSection.MaxLength, ErrorMessage = "Your suggested words must be 5,000 characters or fewer")]
        [PlainText]
        public string? Text { get; set; }

        [Display(Name = "Why are you suggesting this? (optional)")]
        [StringLength(ProfileSuggestion.MaxReasonLength, ErrorMessage = "Why you are suggesting this must be 1,000 characters or fewer")]
        [PlainText(ErrorMessage = "Why you are suggesting this must not include web page code, such as <script>. Remove anything written between < and >")]
        public string? Reason { get; set; }

        public bool SaveAnyway { get; set; }
    }

    [ChildPage(Capability.SuggestProfile)]
    public async Task<IActionResult> OnGetAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.SuggestProfile) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Text = (await profiles.GetSectionsAsync(childId)).Single(s => s.Section == Kind).Text };
        DescribeRead(Kind.Area(), $"About me: \"{Kind.Title()}\"");
        return Page();
    }

    [ChildPage(Capability.SuggestProfile)]
    public async Task<IActionResult> OnPostAsync(Guid childId, string section)
    {
        if (AuthoriseSection(section, Capability.SuggestProfile) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway,
            new WrittenField("Input.Text", "Your suggested words", Input.Text), new WrittenField("Input.Reason", "Why you are suggesting this", Input.Reason));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await profiles.SuggestChangeAsync(Access, new SuggestChangeOptions(Kind, Input.Text!, Input.Reason), actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your suggestion has been sent to the family", "You will see the section change if they accept it.");
        return Redirect(ChildLinks.AboutMe(childId, Kind));
    }
}
