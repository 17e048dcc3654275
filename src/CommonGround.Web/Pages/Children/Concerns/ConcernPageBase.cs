using CommonGround.Core;
using CommonGround.Core.Children;
using CommonGround.Core.Access;
using CommonGround.Core.Audit;
using CommonGround.Core.Concerns;
using CommonGround.Web.Infrastructure;
using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace CommonGround.Web.Pages.Children.Concerns;

/// <summary>A page about one concern: 404 when it is not the child's, or is about a part of the record the person may not see.</summary>
public abstract class ConcernPageBase(ConcernService concerns, CurrentUser currentUser) : ChildPageBase(currentUser)
{
    public Concern Concern { get; private set; } = default!;

    protected ConcernService Concerns => concerns;

    public DateOnly Today { get; protected set; }

    /// <summary>What the respectful-language advisor found in the words about to be saved, shown above the form.</summary>
    public IReadOnlyList<FieldFinding> Advice { get; private set; } = [];

    /// <summary>Loads the concern once the page's declared access is checked; returns the result to show instead, or null.</summary>
    protected async Task<IActionResult?> LoadConcernAsync(Guid childId, Guid concernId)
    {
        if (await concerns.GetAsync(Access, concernId) is not { } concern)
        {
            return NotFound();
        }

        Concern = concern;
        return null;
    }

    /// <summary>For the owner's steps: the concern is loaded and the person may answer it, or they get 403.</summary>
    protected async Task<IActionResult?> LoadForOwnerAsync(Guid childId, Guid concernId) =>
        await LoadConcernAsync(childId, concernId)
        ?? (await Concerns.MayAnswerAsync(Access, Concern, CurrentUser.UserId!.Value) ? null : StatusCode(StatusCodes.Status403Forbidden));

    /// <summary>
    /// An owner's written step: the advisor reads the words first (the form comes back with advice unless they chose to
    /// save as written), then the step is taken; a refused step shows its error and changes nothing.
    /// </summary>
    protected async Task<IActionResult> WriteAsync(LanguageAdvice advice, bool saveAnyway, WrittenField[] fields,
        Func<UserActor, Task<Result<Concern>>> step, Func<Concern, (string Heading, string Detail)> done, Func<int, int> setVersion)
    {
        var actor = await CurrentUser.ActorAsync();
        Advice = await advice.ReviewAsync(actor, saveAnyway, fields);
        if (Advice.Count > 0)
        {
            return Page();
        }

        var result = await step(actor);
        if (!result.Succeeded)
        {
            return await FailedAsync(result.Error!, setVersion);
        }

        var (heading, detail) = done(result.Value!);
        return Done(heading, detail);
    }

    protected IActionResult Done(string heading, string? detail = null)
    {
        Confirm(heading, detail);
        return Redirect(ChildLinks.Concern(Access.Child.Id, Concern.Id));
    }

    /// <summary>Shows the error; if someone else changed the concern meanwhile, the form carries the latest version.</summary>
    protected async Task<IActionResult> FailedAsync(Core.Error error, Func<int, int> setVersion)
    {
        if (error is ConcernChangedMeanwhile && await Concerns.GetAsync(Access, Concern.Id) is { } latest)
        {
            Concern = latest;
            ModelState.Remove("Input.Version");
            setVersion(latest.Version);
        }

        return Invalid(error);
    }
}
