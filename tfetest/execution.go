package tfetest

// Execution modes and agent pools, of workspaces, project defaults and
// organization defaults: the agent pool rule, and how a create or update
// body changes a mode and a pool.

var execModes = []string{"remote", "local", "agent"}

// checkPool applies the agent-pool rule of workspaces and organization
// defaults: agent mode needs a pool of the organization, and a pool is only
// allowed with agent mode. poolPtr is where to point an error. The texts
// are the service's (go-tfe's tests look for them).
func (st *store) checkPool(o *org, mode, poolID, poolPtr string) *apiError {
	if mode == "agent" && poolID == "" {
		return errInvalid(poolPtr, "Agent pool must be specified when using 'agent' execution mode")
	}
	if mode != "agent" && poolID != "" {
		return errInvalid(poolPtr, "Agent pool must not be specified unless using 'agent' execution mode (the execution mode is "+quote(mode)+")")
	}
	if p, ok := st.pools[poolID]; poolID != "" && (!ok || p.org != o) {
		return errInvalid(poolPtr, "agent pool "+quote(poolID)+" not found in organization "+quote(o.name))
	}
	return nil
}

// execChange is the execution mode and agent pool a create or update body
// gives, and where an error about each points.
type execChange struct {
	mode, pool           string
	modeGiven, poolGiven bool
	modePtr, poolPtr     string
}

// readMode reads the execution mode, the attribute attr.
func (c *execChange) readMode(in *input, attr string) *apiError {
	c.modePtr = in.attr(attr)
	c.mode, c.modeGiven = in.str(attr)
	if c.modeGiven && !contains(execModes, c.mode) {
		return errInvalid(c.modePtr, attr+" must be one of remote, local, agent; got "+quote(c.mode))
	}
	return nil
}

// readPool reads the agent pool: the attribute attr, or the relationship
// rel, which wins and is then where an error about the pool points.
// disagree reports that both came and name different pools.
func (c *execChange) readPool(in *input, attr, rel string) (disagree bool, apiErr *apiError) {
	c.poolPtr = in.attr(attr)
	c.pool, c.poolGiven = in.str(attr)
	relPool, relGiven, apiErr := in.relOne(rel, "agent-pools")
	if apiErr != nil || !relGiven {
		return false, apiErr
	}
	disagree = c.poolGiven && relPool != c.pool
	c.pool, c.poolGiven, c.poolPtr = relPool, true, in.rel(rel)+"/data"
	return disagree, nil
}

// settle puts c over the mode and pool in effect and checks the agent pool
// rule in o: a mode other than agent drops a pool it was not given, and
// agent mode given without a pool points the error at the mode.
func (st *store) settle(o *org, c execChange, mode, pool string) (string, string, *apiError) {
	if c.modeGiven {
		mode = c.mode
	}
	switch {
	case c.poolGiven:
		pool = c.pool
	case mode != "agent":
		pool = ""
	case c.modeGiven && pool == "":
		c.poolPtr = c.modePtr
	}
	return mode, pool, st.checkPool(o, mode, pool, c.poolPtr)
}
