using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Team;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure.Validation;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children;

/// <summary>A team member asks the family to share a part of the record they cannot see.</summary>
[ChildPage(Capability.ViewRecord)]
public sealed class AskForAccessModel(AccessRequestService requests, LanguageAdvice advice, CurrentUser currentUser)
    : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public IReadOnlyList<Option> AreaOptions { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Display(Name = "Which part of the record would you like to see?")]
        [Required(ErrorMessage = "Choose the part of the record you would like to see")]
        public RecordArea? Area { get; set; }

        [Display(Name = "Why would you like to see it?")]
        [Required(ErrorMessage = "Enter why you would like to see it")]
        [StringLength(AccessRequest.MaxReasonLength, ErrorMessage = "Your reason must be 1,000 characters or fewer")]
        [PlainText(ErrorMessage = "Your reason must not include web page code, such as <script>. Remove anything written between < and >")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId) => await LoadAsync(childId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync(childId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Reason", "Why you are asking", Input.Reason));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await requests.AskAsync(Access, new AskForAccessOptions(Input.Area!.Value, Input.Reason!, id => AbsoluteUrl("/Children/AccessRequests", new { childId = id })),
            await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Your request has been sent to the family", "You will be able to see it here if they agree.");
        return Redirect(ChildLinks.Overview(childId));
    }

    /// <summary>Only team members ask: the family already sees everything.</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId)
    {
        if (Access.TeamMemberId is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        AreaOptions = Enum.GetValues<RecordArea>().Where(a => !Access.SharedAreas.Contains(a)).Select(a => new Option(a.ToString(), a.ToDisplayName())).ToList();
        return null;
    }
}
