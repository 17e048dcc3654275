using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Concerns;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>The person who raised the concern says whether it is resolved; if not, it is reopened with their reason.</summary>
[ChildPage(Capability.RaiseConcern, RecordArea.Concerns)]
public sealed class ResolvedModel(ConcernStepService steps, ConcernService concerns, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ConcernUpdate? Resolution => Concern.Updates.LastOrDefault(u => u.Kind == ConcernUpdateKind.Resolved);

    public static IReadOnlyList<Option> Answers { get; } =
    [
        new("yes", "Yes, it is resolved"),
        new("no", "No, reopen it", "Say what is still wrong. It will need a new response, with a new date."),
    ];

    public sealed class InputModel
    {
        [Display(Name = "Is it resolved?")]
        [Required(ErrorMessage = "Choose whether it is resolved")]
        [RegularExpression("^(yes|no)$", ErrorMessage = "Choose whether it is resolved")]
        public string? Answer { get; set; }

        [Display(Name = "What is still wrong?")]
        [StringLength(Concern.MaxTextLength, ErrorMessage = "What is still wrong must be 4,000 characters or fewer")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid concernId)
    {
        if (await LoadAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Concern.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid concernId)
    {
        if (await LoadAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        if (Input.Answer == "no" && string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Say why it is not resolved");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        var reopen = Input.Answer == "no";
        var result = reopen
            ? await steps.ReopenAsync(Access, concernId, Input.Reason, Input.Version, actor)
            : await steps.ConfirmAsync(Access, concernId, Input.Version, actor);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Error!, v => Input.Version = v);
        }

        var concern = result.Value!;
        return reopen
            ? Done("Concern reopened", $"{concern.OwnerName ?? concern.OwnerOrganisationName} has been told. A new response is due by {UkDates.DayAndDate(concern.RespondBy)}.")
            : Done("Thank you: the concern is closed", "It stays on the record.");
    }

    /// <summary>Only the person who raised it decides (or, for a concern the family raised, anyone in the family).</summary>
    private async Task<IActionResult?> LoadAsync(Guid childId, Guid concernId) =>
        await LoadConcernAsync(childId, concernId)
        ?? (ConcernService.MayDecide(Access, Concern, CurrentUser.UserId!.Value) ? null : StatusCode(StatusCodes.Status403Forbidden));
}
