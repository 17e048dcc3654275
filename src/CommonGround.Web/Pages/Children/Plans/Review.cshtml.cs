using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Meetings;
using CommonGround.Core.Plans;
using CommonGround.Web.Infrastructure.Security;
using CommonGround.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Plans;

/// <summary>
/// The author's side of a review: opening the agreed plan as its next version, with the meeting it is talked through
/// at; then, while it is under review, the team's view of each outcome next to the family's words and what was delivered.
/// </summary>
public sealed class ReviewModel(PlanService plans, PlanReviewService reviews, LanguageAdvice language, CurrentUser currentUser) : PlanStepPageBase(plans, currentUser)
{
    /// <summary>What the radios send when the meeting is not arranged yet.</summary>
    public const string NoMeeting = "none";

    protected override bool OnAgreedPlan => true;

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>The outcomes in the agreed plan that the person sees, which the review looks at.</summary>
    public IReadOnlyList<PlanLine> Outcomes { get; private set; } = [];

    [BindProperty]
    public string? Meeting { get; set; }

    [BindProperty]
    public Dictionary<Guid, ProgressTowardsOutcome?> Progress { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, string?> Words { get; set; } = [];

    /// <summary>True when the writer has seen the advice on their wording and saves the team's view as it is.</summary>
    [BindProperty]
    public bool SaveAnyway { get; set; }

    /// <summary>Wording worth changing in the team's view, shown before saving.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnGetAsync(Guid planId)
    {
        if (await LoadReviewAsync(planId) is { } refused)
        {
            return refused;
        }

        Meeting = View.Plan.ReviewMeetingId?.ToString() ?? (View.Plan.IsUnderReview ? NoMeeting : null);
        foreach (var outcome in Outcomes)
        {
            var said = View.ProgressOf(outcome, byFamily: false);
            Progress[outcome.Id] = said?.Progress;
            Words[outcome.Id] = said?.Words;
        }

        return Page();
    }

    /// <summary>Starts the review, at the meeting chosen.</summary>
    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostAsync(Guid planId)
    {
        if (await LoadReviewAsync(planId) is { } refused)
        {
            return refused;
        }

        if (!TryReadMeeting(out var meetingId))
        {
            return Invalid();
        }

        var result = await reviews.StartAsync(Access, planId, Version, meetingId, await CurrentUser.ActorAsync());
        return Done(result, "Review started",
            "The family has been asked to say how it is going towards each outcome. Give the team's view on the review page, then change what needs to change and share it with the family.");
    }

    /// <summary>Chooses (or changes) the meeting the review under way is talked through at.</summary>
    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostMeetingAsync(Guid planId)
    {
        if (await LoadReviewAsync(planId) is { } refused)
        {
            return refused;
        }

        if (!TryReadMeeting(out var meetingId))
        {
            return Invalid();
        }

        var result = await reviews.HoldAtAsync(Access, planId, Version, meetingId, await CurrentUser.ActorAsync());
        return Done(result, meetingId is null ? "Saved: the review meeting is not arranged yet" : "Review meeting chosen", null);
    }

    /// <summary>Keeps the team's view of each outcome filled in.</summary>
    [ChildPage(Capability.WritePlan)]
    public async Task<IActionResult> OnPostProgressAsync(Guid planId)
    {
        if (await LoadReviewAsync(planId) is { } refused)
        {
            return refused;
        }

        Advice = await language.ReviewAsync(await CurrentUser.ActorAsync(), SaveAnyway,
            [.. Outcomes.Select(o => new WrittenField($"Words[{o.Id}]", $"The team's view of \"{o.Text}\"", Words.GetValueOrDefault(o.Id)))]);
        if (Advice.Count > 0)
        {
            return Page();
        }

        var said = Outcomes.Select(o => new ProgressInput(o.Id, Progress.GetValueOrDefault(o.Id), Words.GetValueOrDefault(o.Id))).ToList();
        var result = await reviews.RecordAsync(Access, planId, said, await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Error!.Field ?? string.Empty, result.Error.Message);
            return Invalid();
        }

        Confirm("The team's view is saved", "It is shown to the family next to their own words, and kept with the plan's next version.");
        return Redirect(CommonGround.Core.Children.ChildLinks.Plan(Access.Child.Id, planId));
    }

    private async Task<IActionResult?> LoadReviewAsync(Guid planId)
    {
        if (await LoadAsync(planId) is { } refused)
        {
            return refused;
        }

        Meetings = Access.CanSee(RecordArea.Meetings) ? await reviews.MeetingChoicesAsync(Access.Child.Id) : [];
        Outcomes = View.ReviewedOutcomes;
        return null;
    }

    private bool TryReadMeeting(out Guid? meetingId)
    {
        meetingId = null;
        if (Meeting == NoMeeting)
        {
            return true;
        }

        if (Guid.TryParse(Meeting, out var id))
        {
            meetingId = id;
            return true;
        }

        ModelState.AddModelError(nameof(Meeting), "Choose the meeting where the review is talked through, or say it is not arranged yet");
        return false;
    }
}
