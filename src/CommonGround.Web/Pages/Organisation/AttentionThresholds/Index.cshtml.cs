using System.ComponentModel.DataAnnotations;
using CommonGround.Core.Attention;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Organisation.AttentionThresholds;

/// <summary>When the organisation's staff are warned: each threshold of the attention list, within sensible limits.</summary>
public sealed class IndexModel(AttentionService attention, CurrentUser currentUser) : PageBase
{
    private const string NumberError = "Enter a whole number";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Core.Attention.AttentionThresholds Thresholds { get; private set; } = default!;

    public sealed class InputModel
    {
        [Display(Name = "Recurring provision is behind when less than this share of what was owed so far has been delivered")]
        [Required(ErrorMessage = NumberError)]
        public int? ProvisionBehindPercent { get; set; }

        [Display(Name = "A meeting record needs attention when the family has not agreed it after this many working days")]
        [Required(ErrorMessage = NumberError)]
        public int? RecordAwaitingWorkingDays { get; set; }

        [Display(Name = "Several concerns means this many raised in 30 days")]
        [Required(ErrorMessage = NumberError)]
        public int? RepeatedConcerns { get; set; }

        [Display(Name = "No contact means no messages, meetings or answers to the family for this many weeks")]
        [Required(ErrorMessage = NumberError)]
        public int? NoContactWeeks { get; set; }

        [Display(Name = "Warn of a legal date this many working days before it")]
        [Required(ErrorMessage = NumberError)]
        public int? StatutoryDueWorkingDays { get; set; }
    }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new InputModel
        {
            ProvisionBehindPercent = Thresholds.ProvisionBehindPercent,
            RecordAwaitingWorkingDays = Thresholds.RecordAwaitingWorkingDays,
            RepeatedConcerns = Thresholds.RepeatedConcerns,
            NoContactWeeks = Thresholds.NoContactWeeks,
            StatutoryDueWorkingDays = Thresholds.StatutoryDueWorkingDays,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await attention.SetThresholdsAsync(
            new SetThresholdsOptions(Thresholds.OrganisationId, Input.ProvisionBehindPercent!.Value, Input.RecordAwaitingWorkingDays!.Value,
                Input.RepeatedConcerns!.Value, Input.NoContactWeeks!.Value, Input.StatutoryDueWorkingDays!.Value),
            await currentUser.ActorAsync());
        if (!result.Succeeded)
        {
            return Invalid(result.Error!);
        }

        Confirm("Thresholds saved", "Your staff's attention lists use them from now on.");
        return Redirect("/organisation/attention-thresholds");
    }

    private async Task LoadAsync() => Thresholds = await attention.ThresholdsForAsync((await currentUser.GetAsync())!.Organisation!.Id);
}
