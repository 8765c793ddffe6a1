package scenario

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tfe-sdk/tfe"
)

// preflightTimeout bounds the request that checks address and token.
const preflightTimeout = 5 * time.Second

// preflight reads the organization once, without retries and within
// preflightTimeout, so that a wrong address, token or organization stops
// the run in seconds, before anything is made. An answer other than 401
// and 404 is fine: the run's own retries deal with a 429 or a 503.
func preflight(ctx context.Context, cfg tfe.Config, org string) error {
	cfg.RetryMax = -1
	client, err := tfe.NewClient(&cfg)
	if err != nil {
		return err
	}
	checkCtx, cancel := context.WithTimeout(ctx, preflightTimeout)
	defer cancel()
	_, err = client.Organizations.Read(checkCtx, org)
	var apiErr *tfe.APIError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tfe.ErrUnauthorized):
		return fmt.Errorf("the service refused the token, check TFE_TOKEN: %w", err)
	case errors.Is(err, tfe.ErrResourceNotFound):
		return fmt.Errorf("organization %q is not there, or the token may not see it; check TFE_ORG: %w", org, err)
	case errors.As(err, &apiErr):
		return nil
	case ctx.Err() != nil:
		return err
	}
	return fmt.Errorf("cannot reach %s (TFE_ADDRESS): %w", cfg.Address, err)
}
