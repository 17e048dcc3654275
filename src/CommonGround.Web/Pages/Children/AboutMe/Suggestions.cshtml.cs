using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Profiles;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.AboutMe;

/// <summary>The family sees each suggestion as a clear before and after, and accepts it, changes it first, or declines it.</summary>
public sealed class SuggestionsModel(ProfileService profiles, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    private Dictionary<ProfileSectionKind, string> _current = [];

    public IReadOnlyList<ProfileSuggestion> Suggestions { get; private set; } = [];

    public string CurrentText(ProfileSuggestion suggestion) => _current.GetValueOrDefault(suggestion.Section, "");

    [ChildPage(Capability.EditProfile, RecordArea.AboutMe)]
    public async Task<IActionResult> OnGetAsync(Guid childId)
    {
        await LoadAsync(childId);
        return Page();
    }

    [ChildPage(Capability.EditProfile, RecordArea.AboutMe)]
    public async Task<IActionResult> OnPostAcceptAsync(Guid childId, Guid suggestionId)
    {
        var result = await profiles.DecideSuggestionAsync(Access, new DecideSuggestionOptions(suggestionId, SuggestionDecision.Accept, null, null), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            if (result.Error is SuggestionNotFound)
            {
                return NotFound();
            }

            if (result.Error is NotAllowedForProfile)
            {
                // A suggestion for a part of the record the young person keeps from them.
                return StatusCode(StatusCodes.Status403Forbidden);
            }

            await LoadAsync(childId);
            return Invalid(result.Error!);
        }

        Confirm($"You accepted the change to \"{result.Value!.Section.Title()}\"");
        return Redirect(ChildLinks.AboutMeSuggestions(childId));
    }

    private async Task LoadAsync(Guid childId)
    {
        Suggestions = (await profiles.ListPendingSuggestionsAsync(childId)).Where(s => Access.CanSee(s.Section.Area())).ToList();
        _current = (await profiles.GetSectionsAsync(childId)).ToDictionary(s => s.Section, s => s.Text);
    }
}
