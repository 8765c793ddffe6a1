// Package tfe is a typed client for the HCP Terraform and Terraform
// Enterprise API.
package tfe
