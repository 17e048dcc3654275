using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Erasure;

/// <summary>One request to erase the record: why, by when, and the answer; the local authority on the team answers here.</summary>
[ChildPage(Capability.ViewRecord)]
public sealed class RequestModel(ErasureService erasures, RecordClosureService closures, CurrentUser currentUser, TimeProvider timeProvider) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateOnly Today { get; private set; }
    public ErasureRequest Erasure { get; private set; } = default!;
    public bool MayAnswer { get; private set; }

    /// <summary>The answers open to the local authority, with what each would mean for this record today.</summary>
    public IReadOnlyList<Option> Answers { get; private set; } = [];

    public sealed class InputModel
    {
        [Display(Name = "What is your answer?")]
        public ErasureAnswer? Answer { get; set; }

        [Display(Name = "Why, in words for the family")]
        public string? Explanation { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid erasureId) => await LoadAsync(erasureId) ?? Page();

    // The answer may close the record, or move a closed one to erasure, so a closed record still takes it.
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId, Guid erasureId)
    {
        if (await LoadAsync(erasureId) is { } refused)
        {
            return refused;
        }

        var result = await erasures.AnswerAsync(Access, erasureId, new AnswerErasureOptions(Input.Answer, Input.Explanation), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        var child = Access.Child;
        Confirm(result.Value!.Answer switch
        {
            ErasureAnswer.Erasing => $"{child.KnownAs}'s record will be erased",
            ErasureAnswer.ClosedAndKept => $"{child.KnownAs}'s record is closed",
            _ => "Your answer is sent",
        }, "The family has been told.");
        return Redirect(ChildLinks.ErasureRequest(childId, erasureId));
    }

    private async Task<IActionResult?> LoadAsync(Guid requestId)
    {
        Today = timeProvider.TodayInUk();
        var mayClose = await closures.MayCloseAsync(Access);
        if (!ErasureService.MayAsk(Access) && !mayClose)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await erasures.FindAsync(Access.Child.Id, requestId) is not { } request)
        {
            return NotFound();
        }

        Erasure = request;
        MayAnswer = mayClose && request.IsWaiting;
        var child = Access.Child;
        Answers =
        [
            new(nameof(ErasureAnswer.Erasing), "Erase it: the record was opened by mistake",
                $"It is closed now and erased on {UkDates.Date(RetentionSchedule.OpenedInError.EraseOn(child.DateOfBirth, Today))}. Until then it can be reopened if this was wrong."),
            .. child.IsClosed ? Array.Empty<Option>() :
            [
                new(nameof(ErasureAnswer.ClosedAndKept), "Close it: support has ended, so it is kept only as long as the law requires",
                    $"It is closed now, kept until {UkDates.Date(RetentionSchedule.SendRecord.EraseOn(child.DateOfBirth, Today))} and then erased. Say why it must be kept."),
            ],
            new(nameof(ErasureAnswer.Kept), child.EraseOn is { } eraseOn ? $"Keep it until {UkDates.Date(eraseOn)}, when it is due to be erased" : "Keep it open: support goes on",
                "Say why. The family will read it, with how to complain to the Information Commissioner's Office."),
        ];
        DescribeRead(null, "A request to erase the record");
        return null;
    }
}
