package tfe

// VariableSets manages variable sets.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type VariableSets interface{}

// variableSets implements VariableSets.
type variableSets struct {
	client *Client
}

var _ VariableSets = (*variableSets)(nil)

// VariableSetVariables manages the variables inside a variable set.
type VariableSetVariables interface{}

// variableSetVariables implements VariableSetVariables.
type variableSetVariables struct {
	client *Client
}

var _ VariableSetVariables = (*variableSetVariables)(nil)
