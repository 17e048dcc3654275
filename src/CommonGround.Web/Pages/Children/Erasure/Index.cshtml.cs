using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.DataRights;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Erasure;

/// <summary>
/// What of a child's record can be erased now and what must be kept, and why, from the retention schedule; the family
/// asks for it to be erased here, and the local authority that would answer sees their requests.
/// </summary>
[ChildPage(Capability.ViewRecord)]
public sealed class IndexModel(ErasureService erasures, RecordClosureService closures, CurrentUser currentUser, TimeProvider timeProvider) : ChildPageBase(currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DateOnly Today { get; private set; }
    /// <summary>A parent carer, or the young person once they decide for themself.</summary>
    public bool MayAsk { get; private set; }
    /// <summary>The local authority on the team, who would answer.</summary>
    public bool MayAnswer { get; private set; }
    /// <summary>Whether someone from the local authority is on the team to answer; worked out only for those who may ask.</summary>
    public bool HasAnswerer { get; private set; }
    public IReadOnlyList<ErasureRequest> Requests { get; private set; } = [];
    public ErasureRequest? Waiting => Requests.FirstOrDefault(r => r.IsWaiting);

    /// <summary>Whether the record is already on its way to erasure as opened by mistake.</summary>
    public bool BeingErased => Access.Child.ClosedUnderRule == RetentionSchedule.OpenedInError.Key;

    /// <summary>The day the record would be erased if support ended and it were closed today.</summary>
    public DateOnly KeptUntilIfClosedToday => RetentionSchedule.SendRecord.EraseOn(Access.Child.DateOfBirth, Today);

    public DateOnly ErasedIfAgreedToday => RetentionSchedule.OpenedInError.EraseOn(Access.Child.DateOfBirth, Today);

    public bool ShowForm => MayAsk && Waiting is null && !BeingErased && HasAnswerer;

    public sealed class InputModel
    {
        [Display(Name = "Why do you want the record erased?")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    // A family may ask for erasure as long as the record is kept, so a closed record still takes the request.
    [WhileClosed]
    public async Task<IActionResult> OnPostAsync(Guid childId)
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!MayAsk)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await erasures.AskAsync(Access, new AskForErasureOptions(Input.Reason), await CurrentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm($"You asked for {Access.Child.KnownAs}'s record to be erased",
            $"The local authority must answer by {UkDates.Date(result.Value!.DueOn)}. We will tell you when they do.");
        return Redirect(ChildLinks.ErasureRequest(childId, result.Value.Id));
    }

    /// <summary>The family and the local authority on the team read this page; anyone else on the team is refused (403).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        Today = timeProvider.TodayInUk();
        MayAsk = ErasureService.MayAsk(Access);
        MayAnswer = await closures.MayCloseAsync(Access);
        if (!Access.IsFamily && !MayAnswer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        HasAnswerer = MayAnswer || (MayAsk && await erasures.HasAnswererAsync(Access.Child.Id));
        // A young person who decides for themself asks alone: the rest of the family reads what is kept, not their requests.
        Requests = MayAsk || MayAnswer ? await erasures.ForChildAsync(Access.Child.Id) : [];
        DescribeRead(null, "Erasing the record");
        return null;
    }
}
