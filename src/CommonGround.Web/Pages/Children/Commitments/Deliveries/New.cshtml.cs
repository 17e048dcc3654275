using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Access;
using CommonGround.Core.Children;
using CommonGround.Core.Commitments;
using CommonGround.Core.Time;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.GovUk;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Commitments.Deliveries;

/// <summary>Evidence for a commitment: it was delivered on a day (how much, by whom), or it was missed and why.</summary>
[ChildPage(Capability.RecordDelivery, RecordArea.Commitments)]
public sealed class NewModel(DeliveryService deliveries, CommitmentService commitments, LanguageAdvice advice, CurrentUser currentUser, TimeProvider timeProvider)
    : CommitmentPageBase(commitments, currentUser)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    public static IReadOnlyList<Option> Outcomes { get; } = [new("true", "It was delivered"), new("false", "It was missed")];

    public sealed class InputModel
    {
        [Display(Name = "Date")]
        [Required(ErrorMessage = "Enter the date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "What happened")]
        [Required(ErrorMessage = "Choose whether it was delivered or missed")]
        public bool? Delivered { get; set; }

        [Display(Name = "How much was delivered")]
        public decimal? Quantity { get; set; }

        [Display(Name = "How long, in minutes (optional)")]
        public int? DurationMinutes { get; set; }

        [Display(Name = "Delivered by (optional)")]
        [StringLength(200, ErrorMessage = "Delivered by must be 200 characters or fewer")]
        public string? DeliveredBy { get; set; }

        [Display(Name = "Why it was missed")]
        public MissedReason? MissedReason { get; set; }

        [Display(Name = "Note (optional)")]
        [StringLength(DeliveryRecord.MaxNoteLength, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }

        public bool SaveAnyway { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid commitmentId)
    {
        if (await LoadAsync(childId, commitmentId) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Date = timeProvider.TodayInUk() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid commitmentId)
    {
        if (await LoadAsync(childId, commitmentId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, Input.SaveAnyway, new WrittenField("Input.Note", "Note", Input.Note));
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await deliveries.RecordDeliveryAsync(Access, new RecordDeliveryOptions(
            commitmentId, Input.Date!.Value, Input.Delivered!.Value, Input.Quantity, Input.DurationMinutes, Input.DeliveredBy, Input.MissedReason, Input.Note), actor);
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm(Input.Delivered.Value ? "Delivery recorded" : "Missed session recorded", "The family can see it and confirm or dispute it.");
        return Redirect(ChildLinks.Commitment(childId, commitmentId));
    }

    private Task<IActionResult?> LoadAsync(Guid childId, Guid commitmentId) => LoadCommitmentAsync(childId, commitmentId);
}
