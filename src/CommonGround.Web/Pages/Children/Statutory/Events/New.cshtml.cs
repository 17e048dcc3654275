using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Statutory;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Statutory.Events;

public sealed class NewModel(StatutoryService statutory, LanguageAdvice advice, CurrentUser currentUser) : StatutoryPageBase(statutory, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Wording worth changing, shown before saving; empty once the writer saves it as it is.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public sealed class InputModel
    {
        /// <summary>True when the writer has seen the advice on their wording and saves it as it is.</summary>
        public bool SaveAnyway { get; set; }

        [Required(ErrorMessage = "Select what happened")]
        [Display(Name = "What happened?")]
        public StatutoryEventKind? Kind { get; set; }

        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "End date (for an absence or a closure)")]
        public DateOnly? EndsOn { get; set; }

        [Display(Name = "Details (optional)")]
        public string? Detail { get; set; }

        [Display(Name = "For a move: which move?")]
        public string? Transfer { get; set; }

        [Display(Name = "For a decision after a review: what was decided?")]
        public string? Decision { get; set; }

        [Display(Name = "For a review meeting held: which meeting?")]
        public Guid? MeetingId { get; set; }

        public int Version { get; set; }
    }

    [ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnGetAsync(Guid childId, Guid processId)
    {
        if (await LoadProcessAsync(childId, processId) is { } refused)
        {
            return refused;
        }

        Input.Version = Process.Version;
        await LoadMeetingsAsync();
        return Page();
    }

    /// <summary>The child's review meetings, for saying which one was held.</summary>
    public IReadOnlyList<Option> ReviewMeetings { get; private set; } = [];

    public bool AsksAboutReviews => Process.Kind is StatutoryProcessKind.AnnualReview or StatutoryProcessKind.PhaseTransfer;

    private async Task LoadMeetingsAsync() => ReviewMeetings = AsksAboutReviews
        ? (await Statutory.ReviewMeetingsAsync(Process.ChildId)).Select(m => new Option(m.Id.ToString(), $"Review meeting on {Core.Time.UkDates.DateAtTime(m.StartsAt)}")).ToList()
        : [];

    [ChildPage(Capability.ManageStatutoryProcess, RecordArea.StatutoryProcess)]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid processId)
    {
        if (await LoadProcessAsync(childId, processId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            await LoadMeetingsAsync();
            return Invalid();
        }

        var kind = Input.Kind!.Value;
        var detail = kind switch
        {
            StatutoryEventKind.TransferPlanned => Input.Transfer,
            StatutoryEventKind.ReviewDecisionNotified => Input.Decision,
            _ => Input.Detail,
        };
        Advice = await advice.ReviewAsync(await CurrentUser.ActorAsync(), Input.SaveAnyway, new WrittenField("Input.Detail", "Details", detail));
        if (Advice.Count > 0)
        {
            await LoadMeetingsAsync();
            return Page();
        }

        var result = await Statutory.RecordEventAsync(Access,
            new(processId, Process.Kind, kind, Input.Date, Input.EndsOn, detail, Input.Version) { MeetingId = Input.MeetingId }, await CurrentUser.ActorAsync());
        if (result.Error is { } error)
        {
            await LoadMeetingsAsync();
            return Invalid(error);
        }

        Confirm($"Recorded: {kind.Term().Text}");
        return Redirect(ChildLinks.StatutoryProcess(childId, processId));
    }
}
