using CommonGround.Core;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>What every owner's written step carries besides its words: the version the form was shown at, and whether to save despite the advice.</summary>
public abstract class OwnerStepInput
{
    public int Version { get; set; }
    public bool SaveAnyway { get; set; }
}

/// <summary>
/// A step the owner of a concern writes (acknowledge, respond, resolve): only they may take it, the advisor reads the
/// words first, and the form comes back with the latest version if someone moved the concern on meanwhile. A page
/// says only what its words are, which step they go to, and what to tell the owner afterwards.
/// </summary>
[ChildPage(Capability.RespondToConcern, RecordArea.Concerns)]
public abstract class OwnerStepPageBase<TInput>(ConcernService concerns, LanguageAdvice advice, CurrentUser currentUser)
    : ConcernPageBase(concerns, currentUser)
    where TInput : OwnerStepInput, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    /// <summary>The form as first shown; its version is set here.</summary>
    protected virtual TInput Prefill(Concern concern) => new();

    /// <summary>The words the advisor reads before the step is taken.</summary>
    protected abstract WrittenField[] Words(TInput input);

    protected abstract Task<Result<Concern>> TakeStepAsync(Guid concernId, TInput input, UserActor actor);

    /// <summary>The confirmation shown once the step is taken.</summary>
    protected abstract (string Heading, string Detail) Taken(Concern concern);

    public async Task<IActionResult> OnGetAsync(Guid childId, Guid concernId)
    {
        if (await LoadForOwnerAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        Input = Prefill(Concern);
        Input.Version = Concern.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid childId, Guid concernId)
    {
        if (await LoadForOwnerAsync(childId, concernId) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        return await WriteAsync(advice, Input.SaveAnyway, Words(Input), actor => TakeStepAsync(concernId, Input, actor), Taken, v => Input.Version = v);
    }
}
