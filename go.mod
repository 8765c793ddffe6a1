module github.com/tfe-sdk/tfe

go 1.26.0
