using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Data;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>Accepting a suggestion with the family's own changes, or declining it with an optional reason.</summary>
[ChildPage(Capability.EditProfile)]
public sealed class SuggestionDecisionModel(ProfileService profiles, CommonGroundDbContext db, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ProfileSuggestion? Suggestion { get; private set; }
    public bool Declining { get; private set; }

    public sealed class InputModel
    {
        [Display(Name = "The words to keep")]
        [StringLength(ProfileSection.MaxLength, ErrorMessage = "The section must be 5,000 characters or fewer")]
        [PlainText]
        public string? Text { get; set; }

        [Display(Name = "Why are you declining it? (optional)")]
        [StringLength(ProfileSuggestion.MaxReasonLength, ErrorMessage = "Your reason must be 1,000 characters or fewer")]
        [PlainText(ErrorMessage = "Your reason must not include web page code, such as <script>. Remove anything written between < and >")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid suggestionId, string decision)
    {
        if (await LoadAsync(childId, suggestionId, decision) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Text = Suggestion!.SuggestedText };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid suggestionId, string decision)
    {
        if (await LoadAsync(childId, suggestionId, decision) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var options = Declining
            ? new DecideSuggestionOptions(suggestionId, SuggestionDecision.Decline, null, Input.Reason)
            : new DecideSuggestionOptions(suggestionId, SuggestionDecision.AcceptWithChanges, Input.Text ?? "", null);
        var result = await profiles.DecideSuggestionAsync(Access, options, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm(Declining ? "You declined the suggestion" : $"You accepted the change to \"{Suggestion!.Section.Title()}\" with your own words");
        return Redirect(ChildLinks.AboutMeSuggestions(childId));
    }

    private async Task<IActionResult?> LoadAsync(Guid childId, Guid suggestionId, string decision)
    {
        Declining = decision == "decline";
        Suggestion = await db.ProfileSuggestions.SingleOrDefaultAsync(s => s.Id == suggestionId && s.ChildId == childId && s.Status == SuggestionStatus.Pending);
        return Suggestion is null ? NotFound()
            : !Access.CanSee(Suggestion.Section.Area()) ? StatusCode(StatusCodes.Status403Forbidden)
            : null;
    }
}
